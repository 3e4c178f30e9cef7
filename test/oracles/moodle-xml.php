<?php
// Reads a Moodle XML file by Moodle's import rules (see README.md); prints categories and
// questions as JSON. Fails (exit 1) on XML that is not well-formed, as Moodle's import does.
libxml_use_internal_errors(true);
$xml = simplexml_load_file($argv[1]);
if ($xml === false || $xml->getName() !== 'quiz') { fwrite(STDERR, "not a Moodle XML quiz\n"); exit(1); }
$t = fn($node) => $node === null ? null : (string) $node->text;
$out = [];
$category = null;
foreach ($xml->question as $q) {
  $type = (string) $q['type'];
  if ($type === 'category') {
    // A path's levels are split at single slashes; "//" is a slash inside a name.
    $path = $t($q->category);
    $levels = array_map(fn($l) => str_replace('//', '/', $l), preg_split('~(?<!/)/(?!/)~', $path));
    $category = ['path' => $levels, 'info' => $t($q->info), 'idnumber' => (string) $q->idnumber];
    $out[] = ['qtype' => 'category'] + $category;
    continue;
  }
  $r = [
    'qtype' => $type,
    'category' => $category ? $category['path'] : null,
    'name' => $t($q->name),
    'questiontext' => $t($q->questiontext), 'questiontextformat' => (string) $q->questiontext['format'],
    'generalfeedback' => $t($q->generalfeedback), 'generalfeedbackformat' => (string) $q->generalfeedback['format'],
    'idnumber' => (string) $q->idnumber,
    'single' => (string) $q->single,
    'shuffleanswers' => (string) $q->shuffleanswers,
    'answers' => [],
    'tags' => [],
  ];
  foreach ($q->answer as $a) $r['answers'][] = ['fraction' => (float) $a['fraction'], 'format' => (string) $a['format'], 'text' => (string) $a->text, 'feedback' => $t($a->feedback), 'feedbackformat' => (string) $a->feedback['format']];
  if ($q->tags) foreach ($q->tags->tag as $tag) $r['tags'][] = (string) $tag->text;
  $out[] = $r;
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
