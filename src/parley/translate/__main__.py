"""Check a models directory: ``python -m parley.translate DIR [--pair ru-en] [TEXT ...]``.

Lists the pairs and model ids the server would offer, loads each model and translates a
sample sentence (or the given texts), with the time each took. Exits 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from parley.errors import ParleyError
from parley.translate import load

SAMPLES = {
    "ru": "Стороны договорились провести следующую встречу в марте.",
    "hy": "Կողմերը պայմանավորվեցին հաջորդ հանդիպումն անցկացնել մարտին։",
    "az": "Tərəflər növbəti görüşü martda keçirməyə razılaşdılar.",
    "en": "The parties agreed to hold the next meeting in March.",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parley.translate", description=__doc__.splitlines()[0] if __doc__ else ""
    )
    parser.add_argument("directory", type=Path, help="the --translation-models directory")
    parser.add_argument("--pair", help="only this pair, e.g. ru-en")
    parser.add_argument("--json", action="store_true", help="print describe() as JSON and stop")
    parser.add_argument("texts", nargs="*", help="texts to translate (default: a sample)")
    args = parser.parse_args(argv)
    try:
        translator = load(args.directory)
        assert translator is not None
        if args.json:
            print(json.dumps(translator.describe(), ensure_ascii=False, indent=2))
            return 0
        info = translator.describe()
        print(f"engine: {info['engine']} {info.get('engine_version', '')}".rstrip())
        pairs = translator.pairs()
        if args.pair:
            source, _, target = args.pair.partition("-")
            pairs = [(source, target)]
        for source, target in pairs:
            texts = args.texts or [SAMPLES.get(source, "Test.")]
            started = time.perf_counter()
            drafts = translator.translate(texts, source, target)
            took = time.perf_counter() - started
            print(f"\n{source}→{target}  {translator.model_id(source, target)}  {took:.2f} s")
            for text, draft in zip(texts, drafts, strict=True):
                print(f"  {text}\n  → {draft}")
    except ParleyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
