<?php
// Reads a GIFT file by Moodle's import rules (see README.md); prints the questions as JSON.
$placeholders = ['\\:' => "\x01058", '\\#' => "\x01035", '\\=' => "\x01061", '\\{' => "\x01123", '\\}' => "\x01125", '\\~' => "\x01126", '\\n' => "\x01010"];
$chars = ["\x01058" => ':', "\x01035" => '#', "\x01061" => '=', "\x01123" => '{', "\x01125" => '}', "\x01126" => '~', "\x01010" => "\n"];
function pre($s) { global $placeholders; $s = str_replace('\\\\', "\x01092", $s); $s = strtr($s, $placeholders); return str_replace("\x01092", '\\', $s); }
function post($s) { global $chars; return strtr($s, $chars); }
function with_format($text, $default) {
  $r = ['text' => $text, 'format' => $default];
  if (strpos($text, '[') === 0) {
    $end = strpos($text, ']');
    $name = substr($text, 1, $end - 1);
    if (in_array($name, ['moodle', 'html', 'plain', 'markdown'], true)) { $r['format'] = $name; $r['text'] = substr($text, $end + 1); }
  }
  $r['text'] = trim(post($r['text']));
  return $r;
}
$blocks = []; $cur = [];
foreach (preg_split('/\r?\n/', file_get_contents($argv[1])) as $line) {
  if (trim($line) === '') { if ($cur) $blocks[] = $cur; $cur = []; continue; }
  $cur[] = $line;
}
if ($cur) $blocks[] = $cur;
$out = [];
foreach ($blocks as $lines) {
  foreach ($lines as $k => $l) if (substr(trim($l), 0, 2) === '//') $lines[$k] = ' ';
  $text = trim(implode("\n", $lines));
  if ($text === '') continue;
  $text = pre($text);
  $q = ['name' => null];
  if (substr($text, 0, 2) === '::') {
    $text = substr($text, 2);
    $end = strpos($text, '::');
    if ($end !== false) { $q['name'] = post(substr($text, 0, $end)); $text = trim(substr($text, $end + 2)); }
  }
  $start = strpos($text, '{'); $finish = strpos($text, '}');
  if ($start === false || $finish === false) { $q['qtype'] = $start === $finish ? 'description' : 'error'; $out[] = $q; continue; }
  $answertext = trim(substr($text, $start + 1, $finish - $start - 1));
  $questiontext = substr_replace($text, '', $start, $finish - $start + 1);
  $gf = strrpos($answertext, '####');
  $general = '';
  if ($gf !== false) { $general = substr($answertext, $gf + 4); $answertext = trim(substr($answertext, 0, $gf)); }
  $qt = with_format($questiontext, 'moodle');
  $q['questiontext'] = $qt['text']; $q['questiontextformat'] = $qt['format'];
  $g = with_format($general, $qt['format']);
  $q['generalfeedback'] = $g['text']; $q['generalfeedbackformat'] = $g['format'];
  if (strpos($answertext, '~') === false) { $q['qtype'] = 'other'; $out[] = $q; continue; }
  $q['qtype'] = 'multichoice';
  $answers = explode('~', str_replace('=', '~=', $answertext));
  if (trim($answers[0]) === '') array_shift($answers);
  $q['answers'] = [];
  foreach ($answers as $a) {
    $a = trim($a);
    if ($a[0] === '=') { $fraction = 1; $a = substr($a, 1); }
    elseif (preg_match('/^%\-*([0-9]{1,2})\.?([0-9]*)%/', $a)) { $a = substr($a, 1); $e = strpos($a, '%'); $fraction = substr($a, 0, $e) / 100; $a = substr($a, $e + 1); }
    else $fraction = 0;
    $bits = explode('#', $a, 2);
    $t = with_format(trim($bits[0]), $qt['format']);
    $f = with_format(isset($bits[1]) ? trim($bits[1]) : '', $qt['format']);
    $q['answers'][] = ['text' => $t['text'], 'format' => $t['format'], 'fraction' => $fraction, 'feedback' => $f['text'], 'feedbackformat' => $f['format']];
  }
  $out[] = $q;
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
