<?php
// Imports Anki text files by Anki's rules (see README.md) into a collection kept in a JSON file
// (argv[2]; created when missing): notes by GUID; a GUID match updates the note when
// "#if matches:update current", else keeps it. Prints {meta, notes, added, updated}.
$file = $argv[1]; $collection = $argv[2] ?? null;
$lines = preg_split('/(?<=\n)/', file_get_contents($file));
$meta = ['separator' => null, 'html' => null, 'tags' => [], 'deck' => null, 'deck column' => 0, 'tags column' => 0, 'guid column' => 0, 'notetype' => null, 'if matches' => 'keep current'];
$names = ['comma' => ',', 'semicolon' => ';', 'tab' => "\t", 'space' => ' ', 'pipe' => '|', 'colon' => ':'];
$i = 0;
if (isset($lines[0]) && strpos($lines[0], 'tags:') === 0) { $meta['tags'] = preg_split('/\s+/', trim(substr($lines[0], 5)), -1, PREG_SPLIT_NO_EMPTY); $i = 1; }
for (; $i < count($lines) && strlen($lines[$i]) && $lines[$i][0] === '#'; $i++) {
  $l = rtrim(substr($lines[$i], 1), "\r\n");
  $c = strpos($l, ':');
  if ($c === false) continue; // a comment
  $key = strtolower(trim(substr($l, 0, $c))); $value = substr($l, $c + 1);
  if ($key === 'separator') $meta['separator'] = $names[strtolower(trim($value))] ?? (strlen($value) === 1 ? $value : null);
  elseif ($key === 'html') $meta['html'] = strtolower(trim($value)) === 'true';
  elseif ($key === 'tags') $meta['tags'] = preg_split('/\s+/', trim($value), -1, PREG_SPLIT_NO_EMPTY);
  elseif (in_array($key, ['deck column', 'tags column', 'guid column'], true)) $meta[$key] = (int) trim($value);
  elseif (in_array($key, ['deck', 'notetype', 'if matches'], true)) $meta[$key] = $value;
}
$sep = $meta['separator'] ?? "\t";
$metaColumns = array_filter([$meta['deck column'], $meta['tags column'], $meta['guid column']]);
$rows = [];
// The csv crate: a record starting with '#' is a comment; quoted fields may hold the separator.
$rest = implode('', array_slice($lines, $i));
$h = fopen('php://memory', 'r+'); fwrite($h, $rest); rewind($h);
while (($peek = fgets($h)) !== false) {
  if ($peek === "\n" || $peek === '') continue;
  if ($peek[0] === '#') continue;
  $rows[] = str_getcsv(rtrim($peek, "\r\n"), $sep, '"', '');
}
$notes = [];
foreach ($rows as $r) {
  $fields = [];
  foreach ($r as $k => $v) if (!in_array($k + 1, $metaColumns, true)) $fields[] = $v;
  $tags = $meta['tags'];
  if ($meta['tags column']) $tags = array_merge($tags, preg_split('/\s+/', $r[$meta['tags column'] - 1] ?? '', -1, PREG_SPLIT_NO_EMPTY));
  $notes[] = ['fields' => $fields, 'tags' => $tags, 'deck' => $meta['deck column'] ? $r[$meta['deck column'] - 1] : $meta['deck'], 'guid' => $meta['guid column'] ? $r[$meta['guid column'] - 1] : ''];
}
$added = 0; $updated = 0;
if ($collection !== null) {
  $col = file_exists($collection) ? json_decode(file_get_contents($collection), true) : [];
  foreach ($notes as $n) {
    if ($n['guid'] !== '' && isset($col[$n['guid']])) { if ($meta['if matches'] === 'update current') { $col[$n['guid']] = $n; $updated++; } }
    else { $col[$n['guid'] !== '' ? $n['guid'] : 'new-' . count($col)] = $n; $added++; }
  }
  file_put_contents($collection, json_encode($col, JSON_UNESCAPED_UNICODE));
}
echo json_encode(['meta' => $meta, 'notes' => $notes, 'added' => $added, 'updated' => $updated], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
