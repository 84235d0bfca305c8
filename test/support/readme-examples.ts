// Reads the runnable examples out of README.md. The convention the README follows (and states for its reader):
//   - every ```graphql block is run, operation by operation, in the order of the file;
//   - a `# as <who>` comment line says who runs the operations after it: `anyone`, `admin`, `demo-regulator` or a
//     department code (with the API key `npm run demo` printed for it);
//   - an operation with variables is followed by a ```json block giving an example value for each of them. Values
//     printed by the demo or returned by an earlier example are shown as such a value; the test takes the real one
//     by name (see resolveVariables in readme-examples.e2e-spec.ts).
import fs from 'node:fs';
import { OperationDefinitionNode, parse } from 'graphql';

export interface ReadmeOperation {
  /** 1-based line of the operation in README.md, for failure messages. */
  line: number;
  who: string;
  source: string;
  operation: OperationDefinitionNode;
  exampleVariables: Record<string, unknown>;
}

interface Fence {
  lang: string;
  body: string;
  line: number;
  start: number;
  end: number;
}

export function readFences(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const pattern = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    const line = markdown.slice(0, match.index).split('\n').length + 1;
    fences.push({ lang: match[1], body: match[2], line, start: match.index, end: match.index + match[0].length });
  }
  return fences;
}

export function readReadmeOperations(readmePath: string): ReadmeOperation[] {
  const markdown = fs.readFileSync(readmePath, 'utf8');
  const fences = readFences(markdown);
  const operations: ReadmeOperation[] = [];
  fences.forEach((fence, i) => {
    if (fence.lang !== 'graphql') return;
    const next = fences[i + 1];
    const variablesFence = next && next.lang === 'json' && markdown.slice(fence.end, next.start).trim() === '' ? next : null;
    const exampleVariables = variablesFence ? (JSON.parse(variablesFence.body) as Record<string, unknown>) : {};
    const document = parse(fence.body);
    const speakers = [...fence.body.matchAll(/^[ \t]*# as ([\w.-]+)/gm)].map((m) => ({ at: m.index as number, who: m[1] }));
    for (const definition of document.definitions) {
      if (definition.kind !== 'OperationDefinition' || !definition.loc) throw new Error(`README.md:${fence.line}: only operations belong in a graphql block`);
      const start = definition.loc.start;
      const who = speakers.filter((s) => s.at < start).at(-1)?.who;
      const line = fence.line + fence.body.slice(0, start).split('\n').length - 1;
      if (!who) throw new Error(`README.md:${line}: say who runs this example with a "# as <who>" line before it`);
      operations.push({ line, who, source: fence.body.slice(start, definition.loc.end), operation: definition, exampleVariables });
    }
  });
  return operations;
}
