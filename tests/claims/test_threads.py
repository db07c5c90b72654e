"""The checker is called from many server threads at once: its word stemmers must not
share state between them (two threads on one Snowball instance mangled each other's
words and the server answered 500)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from parley.claims.lang import LANGS, load


def test_stemming_in_many_threads_gives_what_one_thread_gives():
    words = [f"{w}{i}" for i in range(400) for w in ("negotiations", "meetings", "agreed")]
    for code in LANGS:
        lang = load(code)
        alone = [lang.stem(w) for w in words]
        getattr(lang.stem, "cache_clear", lambda: None)()  # stem in the threads, not from cache
        with ThreadPoolExecutor(16) as pool:
            together = list(pool.map(lang.stem, words * 4))
        assert together == alone * 4, code
