#!/usr/bin/env python3
"""The core's folders are layers (docs/ARCHITECTURE.md): a folder includes only from itself and
the folders before it in LAYERS. Prints every include that reaches up, and fails if there is one."""
import pathlib
import re
import sys

LAYERS = ['time', 'model', 'storage', 'settings', 'tasks', 'planning', 'calendar', 'attention',
          'team', 'caldav', 'messaging', 'insights']

core = pathlib.Path(sys.argv[1])
rank = {name: i for i, name in enumerate(LAYERS)}
folders = {p.name for p in core.iterdir() if p.is_dir()}
unknown = sorted(folders - set(LAYERS))
if unknown:
    print(f'core folders missing from the layer list: {", ".join(unknown)}')
    sys.exit(1)
upward = []
for path in sorted(core.glob('*/*')):
    if path.suffix not in ('.h', '.cpp'):
        continue
    folder = path.parent.name
    for match in re.finditer(r'#include "(\w+)/[\w.]+"', path.read_text()):
        target = match.group(1)
        if target in rank and rank[target] > rank[folder]:
            upward.append(f'{path.relative_to(core)} includes {match.group(0)[10:-1]} ({folder} is below {target})')
for line in upward:
    print(line)
sys.exit(1 if upward else 0)
