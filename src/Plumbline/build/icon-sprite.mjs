// Builds wwwroot/lib/icons/sprite.svg from the npm package lucide-static: one <symbol> per icon the pages use.
// The icons used are found by scanning the Razor files for <Icon Name="..." />, so the sprite holds only those and a
// misspelt name fails the build instead of showing an empty square. Run by the build (Plumbline.csproj); never committed.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const project = join(dirname(fileURLToPath(import.meta.url)), "..");
const iconsFolder = join(project, "node_modules", "lucide-static", "icons");
const target = join(project, "wwwroot", "lib", "icons", "sprite.svg");

function* razorFiles(folder) {
  for (const name of readdirSync(folder)) {
    if (name === "node_modules" || name === "bin" || name === "obj" || name === "wwwroot") continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* razorFiles(path);
    else if (name.endsWith(".razor")) yield path;
  }
}

const names = new Set();
for (const file of razorFiles(project)) {
  for (const match of readFileSync(file, "utf8").matchAll(/<Icon\s+Name="([a-z0-9-]+)"/g)) names.add(match[1]);
}

const symbols = [];
for (const name of [...names].sort()) {
  const path = join(iconsFolder, `${name}.svg`);
  if (!existsSync(path)) {
    console.error(`icon-sprite: there is no icon "${name}" in lucide-static (see its icons folder)`);
    process.exit(1);
  }
  const svg = readFileSync(path, "utf8");
  const body = svg.slice(svg.indexOf(">", svg.indexOf("<svg")) + 1, svg.lastIndexOf("</svg>"))
    .split("\n").map((line) => line.trim()).filter(Boolean).join("");
  symbols.push(`<symbol id="${name}" viewBox="0 0 24 24">${body}</symbol>`);
}

// Stroke settings live on the sprite's symbols' container; the page's CSS (.icon) sets size and colour.
const sprite = `<svg xmlns="http://www.w3.org/2000/svg"><!-- Icons: lucide-static (ISC licence), built by build/icon-sprite.mjs -->\n`
  + symbols.join("\n") + "\n</svg>\n";
mkdirSync(dirname(target), { recursive: true });
// Unchanged content is not rewritten, so the asset's fingerprint and the incremental build stay put.
if (!existsSync(target) || readFileSync(target, "utf8") !== sprite) writeFileSync(target, sprite);
console.log(`icon-sprite: ${symbols.length} icons`);
