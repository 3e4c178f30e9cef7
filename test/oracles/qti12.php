<?php
// Reads an unpacked QTI 1.2 package (argv[1]: its folder) as an LMS import does (see
// README.md): the manifest's QTI resource, then each item; prints the assessment as JSON.
libxml_use_internal_errors(true);
$dir = rtrim($argv[1], '/');
$manifest = simplexml_load_file("$dir/imsmanifest.xml");
if ($manifest === false) { fwrite(STDERR, "imsmanifest.xml is not well-formed\n"); exit(1); }
$manifest->registerXPathNamespace('cp', 'http://www.imsglobal.org/xsd/imscp_v1p1');
$res = $manifest->xpath("//cp:resource[@type='imsqti_xmlv1p2']");
if (count($res) !== 1) { fwrite(STDERR, "expected one imsqti_xmlv1p2 resource\n"); exit(1); }
$res[0]->registerXPathNamespace('cp', 'http://www.imsglobal.org/xsd/imscp_v1p1');
$href = (string) $res[0]->xpath('cp:file/@href')[0];
$doc = simplexml_load_file("$dir/$href");
if ($doc === false) { fwrite(STDERR, "$href is not well-formed\n"); exit(1); }
$a = $doc->assessment;
$out = ['ident' => (string) $a['ident'], 'title' => (string) $a['title'], 'resource' => (string) $res[0]['identifier'], 'rubric' => (string) ($a->rubric->material->mattext ?? ''), 'items' => []];
foreach ($doc->xpath('//item') as $item) {
  $meta = [];
  foreach ($item->xpath('itemmetadata/qtimetadata/qtimetadatafield') as $f) $meta[(string) $f->fieldlabel] = (string) $f->fieldentry;
  $feedback = [];
  foreach ($item->itemfeedback as $fb) $feedback[(string) $fb['ident']] = (string) $fb->xpath('.//mattext')[0];
  $key = null; $choiceFeedback = []; $general = null;
  foreach ($item->resprocessing->respcondition as $rc) {
    $eq = $rc->conditionvar->varequal;
    $links = array_map(fn($d) => (string) $d['linkrefid'], $rc->xpath('displayfeedback'));
    if (isset($rc->conditionvar->other)) { foreach ($links as $l) $general = $feedback[$l] ?? null; continue; }
    $value = (string) $eq;
    foreach ($rc->setvar as $sv) if ((string) $sv['varname'] === 'SCORE' && (float) $sv === 100.0) $key = $value;
    foreach ($links as $l) $choiceFeedback[$value] = $feedback[$l] ?? null;
  }
  $choices = [];
  foreach ($item->xpath('presentation//response_label') as $l) {
    $id = (string) $l['ident'];
    $choices[] = ['ident' => $id, 'text' => (string) $l->material->mattext, 'texttype' => (string) $l->material->mattext['texttype'], 'correct' => $id === $key, 'feedback' => $choiceFeedback[$id] ?? null];
  }
  $out['items'][] = [
    'ident' => (string) $item['ident'], 'title' => (string) $item['title'], 'type' => $meta['question_type'] ?? null, 'points' => $meta['points_possible'] ?? null,
    'text' => (string) $item->presentation->material->mattext, 'texttype' => (string) $item->presentation->material->mattext['texttype'],
    'choices' => $choices, 'general' => $general,
  ];
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
