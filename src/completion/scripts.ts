/**
 * The scripts `kap completion bash|zsh|fish` prints. Each asks `kap __complete -- <words>` for
 * the candidates at the cursor (one a line; a last line `:files` or `:dirs` asks the shell to
 * complete names from the file system too), so what completes lives in one place (complete.ts).
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# kap completion for bash: eval "$(kap completion bash)" (in ~/.bashrc)
_kap_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" line files=""
  local -a words=("\${COMP_WORDS[@]:1:COMP_CWORD}")
  COMPREPLY=()
  while IFS= read -r line; do
    case "$line" in
      :files) files=f ;;
      :dirs) files=d ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done < <("\${COMP_WORDS[0]}" __complete -- "\${words[@]}" 2>/dev/null)
  if [ -n "$files" ]; then
    local IFS=$'\\n'
    if [ "$files" = d ]; then COMPREPLY+=($(compgen -d -- "$cur")); else COMPREPLY+=($(compgen -f -- "$cur")); fi
    compopt -o filenames 2>/dev/null
  fi
}
complete -F _kap_complete kap
`;

const zsh = `#compdef kap
# kap completion for zsh: eval "$(kap completion zsh)" (in ~/.zshrc, after compinit),
# or save it as _kap in a folder of your $fpath.
_kap() {
  local -a out cands
  local files=""
  out=("\${(@f)$("\${words[1]}" __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in "\${out[@]}"; do
    case "$line" in
      :files) files=f ;;
      :dirs) files=d ;;
      "") ;;
      *) cands+=("$line") ;;
    esac
  done
  (( \${#cands} )) && compadd -Q -- "\${cands[@]}"
  if [[ $files == d ]]; then _files -/; elif [[ $files == f ]]; then _files; fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _kap "$@"; else compdef _kap kap; fi
`;

const fish = `# kap completion for fish: kap completion fish > ~/.config/fish/completions/kap.fish
function __kap_complete
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    for line in (kap __complete -- $words 2>/dev/null)
        switch $line
            case :files
                __fish_complete_path (commandline -ct)
            case :dirs
                __fish_complete_directories (commandline -ct)
            case '*'
                echo $line
        end
    end
end
complete -c kap -f -a '(__kap_complete)'
`;

export const SCRIPTS: Record<Shell, string> = { bash, zsh, fish };
