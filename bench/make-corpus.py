#!/usr/bin/env python3
"""Builds a synthetic corpus N times the size of the shipped one, for indexing benchmarks.

    bench/make-corpus.py N OUT [--corpus corpus] [--seed 42]

OUT/c0000/ holds the shipped documents verbatim (so N=1 is exactly the shipped corpus); every
further copy OUT/cNNNN/ holds each document with a numbered title, kenmerk and date in its
sidecar and lightly perturbed text, so that no two copies give byte-identical passages:

  * runs of body paragraphs between headings/lists are shuffled (headings stay in place),
  * years are moved a few years, other numbers in running text are rescaled now and then,
  * in some paragraphs two neighbouring words are swapped,
  * with --distinct, a word of the document is inserted into every sentence of every copy, so no
    sentence repeats (the plain copies repeat 97 % of their sentences, which flatters per-text caches).

The output is deterministic for a given (N, seed, corpus): each copy has its own seeded
random.Random. _synoniemen.txt is copied to OUT/ as is. Standard library only.
"""
import argparse
import datetime
import pathlib
import random
import re
import shutil
import sys

YEAR = re.compile(r"(?<=[\s(])(20[12]\d)(?=[\s.,;:)])")
NUMBER = re.compile(r"(?<= )(\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?= (?:miljoen|miljard|procent|%|euro|gemeenten|woningen|jaar))")
WORD = re.compile(r"^[a-zà-ÿ]{3,}$")


def is_body(paragraph: str) -> bool:
    """Running text: long, one line, ends a sentence, no list bullet. Only these are shuffled."""
    p = paragraph.strip()
    return (len(p) >= 120 and "\n" not in p and p[-1] in ".!?"
            and not re.match(r"^([-•*▪–]|\(?[0-9a-zA-Z]{1,3}[.)])\s", p))


def perturb_paragraph(p: str, rng: random.Random) -> str:
    shift = rng.randint(-3, 3)
    p = YEAR.sub(lambda m: str(int(m.group(1)) + shift), p)

    def rescale(m):
        if rng.random() < 0.5:
            return m.group(1)
        digits = m.group(1).replace(".", "").replace(",", ".")
        value = float(digits) * rng.choice([0.5, 0.8, 1.25, 1.5, 2, 3])
        return (f"{value:.1f}".replace(".", ",") if "," in m.group(1) else str(int(round(value))))

    p = NUMBER.sub(rescale, p)
    if rng.random() < 0.3:
        words = p.split(" ")
        candidates = [i for i in range(len(words) - 1) if WORD.match(words[i]) and WORD.match(words[i + 1])]
        if candidates:
            i = rng.choice(candidates)
            words[i], words[i + 1] = words[i + 1], words[i]
            p = " ".join(words)
    return p


def perturb(text: str, rng: random.Random) -> str:
    paragraphs = re.split(r"\n\s*\n", text)
    out, run = [], []

    def flush():
        rng.shuffle(run)
        out.extend(run)
        run.clear()

    for p in paragraphs:
        if is_body(p):
            run.append(perturb_paragraph(p, rng))
        else:
            flush()
            out.append(p)
    flush()
    return "\n\n".join(out)


def distinct(text: str, rng: random.Random, vocabulary: list) -> str:
    """--distinct: one word of the document inserted into every sentence of a line of 40 chars or
    more (headings stay as they are), so that no sentence repeats across copies and per-text caches
    hit about as often as on real letters."""
    lines = []
    for line in text.split("\n"):
        if len(line.strip()) >= 40:
            sentences = []
            for sentence in re.split(r"(?<=[.!?]) ", line):
                words = sentence.split(" ")
                if len(words) >= 4:
                    words.insert(rng.randint(1, len(words) - 1), rng.choice(vocabulary))
                sentences.append(" ".join(words))
            line = " ".join(sentences)
        lines.append(line)
    return "\n".join(lines)


def read_sidecar(path: pathlib.Path) -> dict:
    meta = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                meta[k.strip()] = v.strip()
    return meta


def write_sidecar(path: pathlib.Path, meta: dict, copy: int) -> None:
    lines = [f"# Synthetic copy {copy} made by bench/make-corpus.py"]
    for k, v in meta.items():
        if copy and k == "title":
            v = f"{v} ({copy})"
        elif copy and k == "kenmerk":
            v = f"{v}-{copy}"
        elif copy and k == "date":
            try:
                v = (datetime.date.fromisoformat(v) + datetime.timedelta(days=copy % 3650)).isoformat()
            except ValueError:
                pass
        lines.append(f"{k}={v}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="how many copies of the corpus")
    ap.add_argument("out", type=pathlib.Path, help="output directory (emptied first)")
    ap.add_argument("--corpus", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parent.parent / "corpus")
    ap.add_argument("--seed", default="42")
    ap.add_argument("--distinct", action="store_true",
                    help="also insert a word into every sentence of every copy (no sentence repeats)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("n must be >= 1")

    docs = sorted(p for p in args.corpus.glob("*.txt") if not p.name.startswith(("_", ".")))
    if not docs:
        ap.error(f"no .txt documents in {args.corpus}")
    texts = {d.name: d.read_text(encoding="utf-8") for d in docs}
    metas = {d.name: read_sidecar(d.with_name(d.name + ".meta.properties")) for d in docs}
    vocabularies = {name: sorted({w for w in text.split() if WORD.match(w)}) for name, text in texts.items()}

    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    synonyms = args.corpus / "_synoniemen.txt"
    if synonyms.is_file():
        shutil.copy(synonyms, args.out / synonyms.name)

    total = 0
    for copy in range(args.n):
        target = args.out / f"c{copy:04d}"
        target.mkdir()
        for name, text in texts.items():
            rng = random.Random(f"{args.seed}:{copy}:{name}")
            body = text if copy == 0 else perturb(text, rng)
            if copy and args.distinct:
                body = distinct(body, rng, vocabularies[name])
            data = body.encode("utf-8")
            (target / name).write_bytes(data)
            total += len(data)
            if metas[name]:
                write_sidecar(target / (name + ".meta.properties"), metas[name], copy)
    print(f"{args.n} copies x {len(docs)} documents = {args.n * len(docs)} files, "
          f"{total / 1e6:.1f} MB of text in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
