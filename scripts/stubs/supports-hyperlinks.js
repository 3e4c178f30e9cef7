// Links are printed as "text (url)": copyable everywhere, and content cannot plant OSC 8
// hyperlinks in the terminal.
module.exports = { supportsHyperlink: () => false, stdout: false, stderr: false };
