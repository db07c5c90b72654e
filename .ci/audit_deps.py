"""Known vulnerabilities in the installed (pinned, constraints.txt) dependencies.

Runs pip-audit over the virtual environment. Fails when any installed package has a known
vulnerability. When the vulnerability service cannot be asked about a package (no network,
or a registry proxy that serves packages but not the per-version JSON pip-audit reads —
the case on this project's CI machines), it says so, package by package count, and does
not pretend the package was audited.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def main() -> int:
    out = subprocess.run(
        [str(BIN / "pip-audit"), "--skip-editable", "--progress-spinner", "off", "-f", "json"],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        print(f"audit: pip-audit did not run: {out.stderr.strip()[-500:]}")
        return 1
    deps = report["dependencies"]
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if "skip_reason" in d]
    audited = len(deps) - len(skipped)
    for d in vulnerable:
        for v in d["vulns"]:
            fixed = ", ".join(v.get("fix_versions", [])) or "no fix yet"
            print(f"audit: {d['name']} {d['version']}: {v['id']} (fixed in {fixed})")
    print(
        f"audit: {len(deps)} packages, {audited} audited against PyPI's advisories, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    if skipped:
        print(
            f"audit: WARNING — {len(skipped)} packages could not be audited "
            f"(first: {skipped[0]['name']}: {skipped[0]['skip_reason']}). "
            "The advisory service is unreachable from here; run `make audit` where "
            "pypi.org/pypi/<name>/<version>/json is reachable."
        )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
