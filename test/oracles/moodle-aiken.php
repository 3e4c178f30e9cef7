<?php
// Reads an Aiken file by Moodle's import rules (see README.md); prints questions and errors as JSON.
$questions = []; $errors = []; $q = null; $n = 0;
foreach (file($argv[1]) as $line) {
  foreach (explode("\r", $line) as $part) {
    $n++;
    $now = trim($part);
    if (strlen($now) < 2) continue;
    if (preg_match('/^[A-Z][).][ \t]?/', $now)) {
      if ($q === null) { $errors[] = "line $n: option outside a question"; continue; }
      $q['answers'][] = trim(substr($now, 2));
    } elseif (preg_match('/^ANSWER:/', $now)) {
      if ($q === null) { $errors[] = "line $n: answer outside a question"; continue; }
      $ans = substr(trim(substr($now, strpos($now, ':') + 1)), 0, 1);
      if (count($q['answers']) < 2) { $errors[] = "line $n: fewer than 2 options"; $q = null; continue; }
      $q['key'] = ord($ans) - ord('A');
      $questions[] = $q; $q = null;
    } else {
      if ($q !== null) $errors[] = "line $n: question not complete, discarded";
      $q = ['questiontext' => trim($now), 'answers' => []];
    }
  }
}
echo json_encode(['questions' => $questions, 'errors' => $errors], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
