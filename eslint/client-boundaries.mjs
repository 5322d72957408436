// ESLint rule: client code never reaches server modules, nor zod outside forms (ARCHITECTURE.md).
//
// Client code is every module under components/ and every module that starts with "use client".
// For each of its value imports (type-only imports are erased and allowed; dynamic import() loads
// later and is not followed), the imported module and everything it imports in turn are read:
//   - server: lib/db/**, lib/auth/** (but roles.ts), lib/telnyx/** (but operation-routes.ts,
//     contract.ts and the schemas), or any module that imports "server-only";
//   - zod: the zod package, the resolver, lib/telnyx/schemas/**, or any module that imports one of
//     them. Allowed only with the option { allowZod: true } (the form files, see eslint.config.mjs).
// The message names the chain of imports, so the fix is clear.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];
const SERVER_PATH = /^lib\/(?:db\/|auth\/(?!roles\.ts$)|telnyx\/(?!operation-routes\.ts$|contract\.ts$|schemas\/))/;
const SCHEMA_PATH = /^lib\/telnyx\/schemas\//;
const ZOD_PACKAGES = new Set(["zod", "@hookform/resolvers/zod"]);
// Value imports and re-exports in a module's text: not `import type`/`export type`, not dynamic.
const IMPORT = /(?:^|\n)[ \t]*(?:import|export)[ \t]+(type[ \t]+)?(?:([^;"'()=]*?)[ \t\n]+from[ \t]+)?["']([^"'\n]+)["']/g;

/** An import's target: a repository file (relative path) or a package name. */
function resolve(specifier, fromFile) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return { pkg: specifier };
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return { file };
  }
  return { missing: specifier };
}

const onlyTypes = (clause) => {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(",").map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith("type "));
};

function valueImports(file) {
  const text = fs.readFileSync(file, "utf8");
  const out = [];
  for (const m of text.matchAll(IMPORT)) if (!m[1] && !(m[2] && onlyTypes(m[2]))) out.push(m[3]);
  return out;
}

const rel = (file) => path.relative(ROOT, file).split(path.sep).join("/");

// What a module reaches: { server: chain | null, zod: chain | null }, a chain being the module
// names from it to the culprit. Cached per lint run (a module's imports don't change mid-run).
const cache = new Map();
function reach(file, seen = new Set()) {
  if (cache.has(file)) return cache.get(file);
  if (seen.has(file)) return { server: null, zod: null };
  seen.add(file);
  const name = rel(file);
  const result = { server: null, zod: null };
  if (SCHEMA_PATH.test(name)) result.zod = [name];
  else if (SERVER_PATH.test(name)) result.server = [name];
  for (const specifier of valueImports(file)) {
    if (result.server && result.zod) break;
    const target = resolve(specifier, file);
    if (target.pkg) {
      if (target.pkg === "server-only") result.server ??= [name, "server-only"];
      if (ZOD_PACKAGES.has(target.pkg)) result.zod ??= [name, target.pkg];
      continue;
    }
    if (!target.file) continue;
    const sub = reach(target.file, seen);
    if (sub.server) result.server ??= [name, ...sub.server];
    if (sub.zod) result.zod ??= [name, ...sub.zod];
  }
  seen.delete(file);
  cache.set(file, result);
  return result;
}

function isClientModule(context) {
  const name = rel(context.filename);
  if (name.startsWith("components/")) return true;
  const first = context.sourceCode.ast.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Client code imports no server module, and zod only in forms" },
    schema: [{ type: "object", properties: { allowZod: { type: "boolean" } }, additionalProperties: false }],
    messages: {
      server: "Client code must not import server code: {{chain}}",
      zod: "zod stays out of client code that is not a form: {{chain}} (take constants from lib/telnyx/contract.ts)",
    },
  },
  create(context) {
    if (!isClientModule(context)) return {};
    const allowZod = context.options[0]?.allowZod === true;
    const check = (node, specifier) => {
      const target = resolve(specifier, context.filename);
      const found = target.pkg
        ? { server: target.pkg === "server-only" ? ["server-only"] : null, zod: ZOD_PACKAGES.has(target.pkg) ? [target.pkg] : null }
        : target.file
          ? reach(target.file)
          : { server: null, zod: null };
      if (found.server) context.report({ node, messageId: "server", data: { chain: found.server.join(" → ") } });
      else if (found.zod && !allowZod) context.report({ node, messageId: "zod", data: { chain: found.zod.join(" → ") } });
    };
    const typeOnly = (node) =>
      node.importKind === "type" || node.exportKind === "type" || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    return {
      ImportDeclaration(node) {
        if (!typeOnly(node)) check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !typeOnly(node)) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== "type") check(node, node.source.value);
      },
    };
  },
};

export default rule;
