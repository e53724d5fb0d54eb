// inkjs side of bench/speed.py: compile ink source, load a compiled story, or replay choice traces.
// Usage (inkjs 2.4 found through NODE_PATH):
//   node ink_runner.js compile STORY.ink OUT.json
//   node ink_runner.js load STORY.json
//   node ink_runner.js play STORY.json TRACES.json ROUNDS   -> one JSON line: seconds, steps, end states
"use strict";
const fs = require("fs");
const [mode, input, second, rounds] = process.argv.slice(2);

if (mode === "compile") {
  const { Compiler } = require("inkjs/full");
  const compiler = new Compiler(fs.readFileSync(input, "utf8"));
  const story = compiler.Compile();
  if (!story) { console.error(compiler.errors.join("\n")); process.exit(1); }
  fs.writeFileSync(second, story.ToJson());
} else if (mode === "load") {
  const { Story } = require("inkjs");
  const story = new Story(fs.readFileSync(input, "utf8"));
  story.ContinueMaximally();
  if (story.currentChoices.length === 0) process.exit(1);
} else if (mode === "play") {
  const { Story } = require("inkjs");
  const story = new Story(fs.readFileSync(input, "utf8"));
  const traces = JSON.parse(fs.readFileSync(second, "utf8"));
  const names = traces.variables;
  let ends = [];
  let steps = 0;
  const start = process.hrtime.bigint();
  for (let round = 0; round < Number(rounds); round++) {
    ends = [];
    for (const trace of traces.traces) {
      story.ResetState();
      story.ContinueMaximally();
      for (const id of trace) {
        const index = story.currentChoices.findIndex((c) => c.text === id);
        if (index < 0) throw new Error(`choice ${id} not open`);
        story.ChooseChoiceIndex(index);
        story.ContinueMaximally();
        steps++;
      }
      ends.push(names.map((n) => story.variablesState.GetVariableWithName(n).valueObject));
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ seconds, steps, playthroughs: traces.traces.length * Number(rounds), ends }));
}
