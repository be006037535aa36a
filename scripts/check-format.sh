#!/usr/bin/env bash
# The style check (docs/architecture.md, "Code style"): dotnet format's whitespace rules, and no line in a C# or
# Razor file longer than the limit. dotnet format has no line-length rule, so the length is checked here.
# Exits non-zero, with a hint how to fix, if either finds something. Needs no build.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

limit=160
migrations="src/Plumbline/Data/Migrations"
failed=0

echo "check-format: dotnet format whitespace"
if ! dotnet format whitespace Plumbline.slnx --exclude "$migrations" --verify-no-changes; then
    echo "check-format: the whitespace above does not follow .editorconfig."
    failed=1
fi

echo "check-format: lines longer than $limit characters in .cs and .razor files"
# Perl counts characters, not bytes (-CSD reads the files as UTF-8), so "·" or "€" count as one.
long=$(git ls-files -z -- '*.cs' '*.razor' ":(exclude)$migrations/" |
    xargs -0 -r perl -CSD -ne '
        s/\r?\n\z//;
        print "$ARGV:$.: ", length, " characters (limit '"$limit"')\n" if length > '"$limit"';
        close ARGV if eof;')
if [ -n "$long" ]; then
    echo "$long"
    echo "check-format: $(echo "$long" | wc -l) line(s) over $limit characters."
    failed=1
fi

if [ "$failed" -ne 0 ]; then
    echo "check-format: FAILED. Fix: run 'dotnet format whitespace Plumbline.slnx --exclude $migrations'," \
        "and wrap long lines by hand (argument lists, LINQ chains at the dots, markup at attributes)."
    exit 1
fi
echo "check-format: OK"
