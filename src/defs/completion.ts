import { defineCommand } from '../command-def.js';

export default defineCommand({
  name: 'completion',
  description: 'print a shell completion script (bash, zsh or fish)',
  summary: 'a completion script: commands, options, option values, topics and aliases, reference keys, the topics of content packs; see [Shell completion](#shell-completion)',
  args: [{ syntax: '<shell>', description: 'bash, zsh or fish', values: ['bash', 'zsh', 'fish'] }],
  options: [],
  examples: ['eval "$(kap completion bash)"      # in ~/.bashrc', 'eval "$(kap completion zsh)"       # in ~/.zshrc, after compinit', 'kap completion fish > ~/.config/fish/completions/kap.fish'],
  run: async (c, r) => (await import('../commands/completion.js')).completion(r.io, c.args[0]),
});
