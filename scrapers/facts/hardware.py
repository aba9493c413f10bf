"""hardware: what the tool needs to run ("48GB GPU", "8GB RAM", "CPU", "H100", "Apple Silicon")."""

from __future__ import annotations

import re

from scrapers.facts.engine import Rule, Searched, Sentences, Table, _fold, table_facts
from scrapers.facts.vendor import platform_post
from scrapers.records import FactRecord

_GPU_NAME = (r"(?:NVIDIA\s)?(?:A100|H100|H200|B200|GB200|L4|L40S|A10G?|T4|V100|RTX\s?\d{4}(?:\s?Ti)?"
             r"|GTX\s?\d{3,4}(?:\s?Ti)?"
             r"|MI300X?|Jetson(?: (?:AGX|Orin|Xavier|Nano|NX|TX2|Thor))+)")


def _gpu(match: re.Match[str]) -> str:
    """The accelerator by name, with how many when more than one: "2x H100" for "two H100s"."""
    count = (match["count"] or "").lower()
    count = _COUNTS.get(count, count)
    name = re.sub(r"^NVIDIA\s", "", match["gpu"])
    name = re.sub(r"(?<=GPU)s$", "", name)
    return f"{count}x {name}" if count else name


_COUNTS = {"single": "", "one": "", "two": "2", "dual": "2", "four": "4", "eight": "8"}


def _bare_card(match: re.Match[str]) -> str:
    """"RTX 3090" for "an old 3090"; "2x RTX 4090" for "two 4090s"."""
    pair = match.string[max(0, match.start() - 5):match.start()].lower().split()[-1:] in (["two"], ["dual"])
    return f"{'2x ' if pair else ''}RTX {match['num']}"


# The value of a GPU counted as none ("zero GPUs"): read as "GPU", negated.
_NONE = "no GPU"

# The rules that can say where their matches begin (the words they open with, or `digits`) say
# so, and are tried there rather than at every char of the sentences holding their needs.
HARDWARE: Table = (
    # GPU memory however it is put: "a single 48GB GPU", "24 GB of VRAM", "fits on a 24 GB card".
    # (and "gigs" for GB, as people say it: "16 gigs of RAM")
    (Rule(r"\b(?P<gb>\d+)\s?(?:GB|gigs?)\s+(?:of\s+)?"
          r"(?:(?:workstation|graphics|consumer|gaming|data-?cent(?:er|re)|NVIDIA|AMD|laptop|desktop|mobile"
          r"|server)\s+)?"
          r"(?:VRAM|GPU memory|GPUs?|graphics cards?|cards?|video memory)\b",
          re.I, digits=True, needs=("gb", "gig")), lambda m: f"{m['gb']}GB GPU"),
    (Rule(r"\b(?P<gb>\d+)\s?(?:GB|gigs?)\s+(?:of\s+)?(?:RAM|memory|system memory|unified memory)\b", re.I,
          digits=True, needs=("gb", "gig")), lambda m: f"{m['gb']}GB RAM"),
    # ... as the other languages of our feeds say them: "8 Go de RAM", "4 GB de RAM", "16 GB
    # Arbeitsspeicher", "12 Go de VRAM"; "un GPU de 16 Go", "einer GPU mit 24 GB Speicher", "una
    # tarjeta gráfica con 12 GB"
    (Rule(r"\b(?P<gb>\d+)\s?(?:GB|Go)\s+(?:de\s+)?(?:RAM|mémoire vive|memoria RAM|memória RAM|Arbeitsspeicher"
          r"|memoria|memória)\b", re.I, digits=True, needs=("gb", "go")), lambda m: f"{m['gb']}GB RAM"),
    (Rule(r"\b(?P<gb>\d+)\s?(?:GB|Go)\s+(?:de\s+)?(?:VRAM|mémoire vidéo|memoria de vídeo|Grafikspeicher)\b"
          r"|\b(?:GPU|carte graphique|tarjeta gráfica|placa de vídeo|Grafikkarte)\s+(?:de|mit|con|com)\s+"
          r"(?P<gb2>\d+)\s?(?:GB|Go)\b",
          re.I, starts=("gpu", "carte graphique", "tarjeta", "placa", "grafikkarte"), digits=True,
          needs=("gb", "go")), lambda m: f"{m['gb'] or m['gb2']}GB GPU"),
    # A board's, a computer's or a phone's memory said with it: "an 8GB Raspberry Pi 5", "a Raspberry
    # Pi 5 (8GB)" or "with 8GB", "a 16GB Mac mini", "the 16 gigs of a base M3 MacBook Air", "a 6GB
    # Android phone", "a 16GB laptop".
    (Rule(r"\b(?P<gb>\d+)\s?(?:GB|gigs?)\s+(?:of\s+(?:an?|the|your|my)\s+)?(?:(?:base|base-model|stock)\s+)?"
          r"(?:M[1-5](?: (?:Pro|Max))?\s+)?"
          r"(?=Raspberry Pi\b|MacBook\b|Mac mini\b|Mac Studio\b|iMac\b|Intel NUC\b|(?:Android )?phones?\b"
          r"|laptops?\b)"
          # (and an Orange Pi's: "an Orange Pi 5 with 4GB")
          r"|(?<=\bPi \d \()(?P<gb2>\d+)\s?GB(?=\))"
          r"|(?<=\bPi \d with )(?P<gb3>\d+)\s?GB\b",
          digits=True, needs=("raspberry pi", "orange pi", "macbook", "mac mini", "mac studio", "imac",
                              "intel nuc", "phone", "laptop")),
     lambda m: f"{m['gb'] or m['gb2'] or m['gb3']}GB RAM"),
    # A small device's memory in megabytes: "needs 512 MB of RAM", "runs in 256MB of memory".
    (Rule(r"\b(?P<mb>\d{2,3})\s?MB\s+(?:of\s+)?(?:RAM|memory|system memory)\b", re.I,
          digits=True, needs=("mb",)), lambda m: f"{m['mb']}MB RAM"),
    # A computer's memory said after it: "a Mac with 16 GB", "any laptop with 8GB" (not "... with
    # 8 GB of VRAM", a GPU's, read above).
    # (and "Apple Silicon with 8GB", "Apple Silicon + 16GB": the Mac's memory)
    (Rule(r"(?:(?<=\bMac with )|(?<=\bPC with )|(?<=\bMacBook with )|(?<=\blaptop with )"
          r"|(?<=\bdesktop with )|(?<=\bApple Silicon with )|(?<=\bApple Silicon \+ )"
          r"|(?<=\bApple Silicon and )|(?<=\bMac \+ )|(?<=\bMacBook Air with )|(?<=\bMacBook Pro with )"
          r"|(?<=\bMac mini with )|(?<=\bMac Studio with )|(?<=\bcomputer with )|(?<=\bworkstation with ))"
          # (not a disk: "a Mac mini with 512 GB of storage")
          r"(?P<gb>\d+)\s?GB\b(?!\s+(?:of\s+)?(?:VRAM|GPU|graphics|video|storage|SSD|disk|flash|drive))",
          digits=True, needs=("mac with", "pc with", "macbook with", "laptop with", "desktop with",
                              "silicon with", "silicon +", "silicon and", "mac +", "air with",
                              "pro with", "mini with", "studio with", "computer with", "workstation with")),
     lambda m: f"{m['gb']}GB RAM"),
    # Laptops by model: "a ThinkPad X220", "an old ThinkPad T480", "a Chromebook".
    (Rule(r"\bThinkPad [A-Z]\d+\w*(?: (?:Carbon|Yoga|Nano))?|\bChromebooks?\b",
          starts=("thinkpad", "chromebook"), needs=("thinkpad", "chromebook")),
     lambda m: m[0].rstrip("s") if m[0].lower().startswith("chromebook") else m[0]),
    # Computers by name: "a MacBook Air", "an M4 Mac mini", "an Intel NUC".
    (Rule(r"\b(?:MacBook (?:Air|Pro)|Mac mini|Mac Studio|Intel NUC)\b",
          starts=("macbook", "mac mini", "mac studio", "intel nuc"),
          needs=("macbook", "mac mini", "mac studio", "intel nuc")), lambda m: m[0]),
    (Rule(rf"\b(?:(?P<count>(?i:single|one|two|dual|four|eight)|\d+)\s?(?:[x×]\s?)?)?"
          rf"(?P<gpu>{_GPU_NAME}|consumer GPUs?)s?\b",
          needs=("a100", "h100", "h200", "b200", "l4", "a10", "t4", "v100", "rtx", "gtx", "mi300", "jetson",
                 "consumer gpu")), _gpu),
    # A card's memory in brackets after it: "an RTX 3060 (12 GB)", "an NVIDIA card (12 GB or more)"
    (Rule(r"(?<=\()(?P<gb>\d+)\s?(?:GB|gigs?)(?:\s*\+|\s+(?:or more|or better|minimum|of VRAM|VRAM))?(?=\))",
          re.I, digits=True, needs=("gb", "gig")),
     lambda m: f"{m['gb']}GB GPU" if _CARD_BEFORE.search(m.string, 0, m.start()) else ""),
    (Rule(r"\bApple [Ss]ilicon\b|\bM[1-4](?: (?:Pro|Max|Ultra))? Macs?\b"
          r"|\bRaspberry Pi(?: (?:Pico|Zero)(?: \d)?(?: W)?| \d)?\b"
          # "an M1 or later", "an M2 or newer": any Apple Silicon Mac from that one on
          r"|\bM[1-5](?: (?:Pro|Max|Ultra))? or (?:later|newer|above|better)\b",
          starts=("apple", "m1", "m2", "m3", "m4", "m5", "raspberry"),
          needs=("apple silicon", "m1", "m2", "m3", "m4", "m5", "raspberry pi")),
     lambda m: "Apple Silicon" if m[0].lower() == "apple silicon" or " or " in m[0] else m[0]),
    # Other boards by name, and a Raspberry Pi said as "a Pi 5" or "a Pi Zero 2 W"
    (Rule(r"\bOrange Pi(?: \d+)?(?: (?:Plus|Pro|Max|B))?\b|\bRock ?5[AB]?\b", starts=("orange", "rock"),
          needs=("orange pi", "rock")), lambda m: m[0]),
    (Rule(r"(?:(?<=\b(?:an|on|my|or) )|(?<=\ba ))Pi (?:Zero(?: 2)?(?: W)?|[345])\b",
          needs=("pi zero", "pi 3", "pi 4", "pi 5")), lambda m: "Raspberry " + m[0]),
    # An "M-series Mac" is any Apple Silicon one.
    (Rule(r"\bM-series\b", needs=("m-series",)), "Apple Silicon"),
    # A bare card number said as people say one: "an old 3090", "my 4070 Ti", "two 4090s".
    (Rule(r"(?:(?<=\ban )|(?<=\ba )|(?<=\bold )|(?<=\bmy )|(?<=\bour )|(?<=\bone )|(?<=\btwo )"
          r"|(?<=\bdual )|(?<=\bspare )|(?<=\bused )|(?<=\bsingle ))(?P<num>[345]0[5-9]0(?: ?Ti)?)s?\b"
          r"(?![\s-]?(?:mAh|units|km|kg|people|users|rpm|MHz|W|AD|BC)\b)",
          digits=True, needs=tuple(f"{k}0{t}0" for k in "345" for t in "56789")), _bare_card),
    # Devices a tool runs on, by family: phones and their chips, edge accelerators.
    (Rule(r"\b(?:Pixel \d+(?: Pro)?|iPhone \d+(?: Pro(?: Max)?)?|Galaxy S\d+|Snapdragon \d+(?: Gen \d)?"
          r"|Coral(?: Edge)? TPU|Coral USB Accelerator|Coral Dev Board|Hailo-8L?|ESP32(?:-[SC]\d)?"
          r"|Steam Deck(?: OLED)?)\b",
          needs=("pixel", "iphone", "galaxy", "snapdragon", "coral", "hailo", "esp32", "steam deck")),
     lambda m: m[0]),
    (Rule(r"\bCPUs?\b(?:[- ]only)?", starts="cpu", needs=("cpu",)), "CPU"),
    # A maker's cards by name: "now supports AMD graphics cards", "on AMD GPUs", "a Radeon RX 7900"
    (Rule(r"\bAMD\s+(?:Radeon\s+)?(?:graphics\s+cards?|GPUs?|cards?)\b|\bRadeon(?:\s+(?:RX|Pro)\s+\d{3,4}\w*)?\b",
          starts=("amd", "radeon"), needs=("amd", "radeon")), "AMD GPU"),
    # A processor said plainly: "a plain laptop processor", "an ordinary desktop processor".
    (Rule(r"\b(?:plain|ordinary|regular|any|standard|basic)\s+(?:(?:laptop|desktop|server|x86|ARM)\s+)?processors?\b"
          r"|(?<=\ba )(?:laptop|desktop)\s+processors?\b",
          re.I, starts=("plain", "ordinary", "regular", "any", "standard", "basic", "laptop", "desktop"),
          needs=("processor",)), "CPU"),
    # "zero GPUs required", "0 GPUs": a GPU counted as none is one not needed (see `_NONE`)
    (Rule(r"\b(?:zero|0)\s+(?:dedicated |discrete )?(?:GPUs|graphics cards)\b", re.I, starts=("zero", "0"),
          needs=("gpus", "graphics cards")), _NONE),
    # A bare GPU is a fact only when the text says one is not needed.
    (Rule(r"\b(?:dedicated |discrete )?(?:GPUs?|graphics cards?)\b"
          # (and as the other languages of our feeds name one: "sans carte graphique", "ohne Grafikkarte")
          r"|\b(?:cartes? graphiques?|Grafikkarten?|tarjetas? gráficas?|placas? de vídeo)\b",
          needs=("gpu", "graphics card", "carte graphique", "cartes graphiques", "grafikkarte", "tarjeta gr",
                 "placa de v", "placas de v")), "GPU"),
    # ... and so is NVIDIA's GPU runtime: "no longer requires CUDA", "runs without CUDA"
    (Rule(r"\bCUDA\b", starts="cuda", needs=("cuda",)), "GPU"),
    (Rule(r"\b(?:mobile|edge|phones?|laptops?)(?: and (?:mobile|edge|laptop))? (?:hardware|devices)\b",
          re.I, starts=("mobile", "edge", "phone", "laptop"), needs=("hardware", "devices")),
     lambda m: m[0].lower()),
)


# What a card's memory in brackets follows: a GPU's name or "card"/"GPU" ("an RTX 3060 (12 GB)").
_CARD_BEFORE = re.compile(rf"(?:\b{_GPU_NAME}|\b(?:cards?|GPUs?|graphics cards?))\s*\($", re.I)


# A question whether the tool needs a GPU: "Do I need a GPU?", "Does it require a graphics card?"
_ASKED_FOR = Searched(r"\b(?:do|does|will|would)\s+(?:I|you|it|we|one)\s+(?:need|require)\s+(?:a|an|any)\s+"
                        r"(?:dedicated\s+|discrete\s+)?(?:GPU|graphics card)s?\?", re.I)


def hardware_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each hardware floor stated; a GPU only as not needed ("no GPU required"); not a platform's
    own machines for another maker's model ("we run it on H200s"); "Raspberry Pi" not beside
    "Raspberry Pi 5"."""
    # Hardware is never another product's: "any laptop with 8GB of RAM" is this tool's floor.
    # (a bare GPU asked of, "Do I need a GPU?", is kept for its answer to decide: facts.questions)
    facts = [fact.model_copy(update={"value": "GPU", "negated": not fact.negated}) if fact.value == _NONE
             else fact for fact in table_facts("hardware", HARDWARE, sentences, own_only=False)]
    facts = [fact for fact in facts
             if (fact.value != "GPU" or fact.negated or _ASKED_FOR.search(fact.snippet))
             and not _not_the_floor(fact) and not _the_authors_machine(fact)
             and not _trained_or_served_on(fact) and not _tested_customers_or_supported(fact)]
    if facts and platform_post(sentences):  # (asked first: it is read once a text, and mostly no)
        served = [fact for fact in facts if _PLATFORM_RUNS.search(fact.snippet)]
        facts = [fact for fact in facts if fact not in served]
    values = [fact.value for fact in facts]
    return [fact for fact in facts
            if not any(other.startswith(fact.value + " ") for other in values)]


# The machine the author made it on is not what it needs: "I built it on my M2 MacBook Air",
# "we wrote Gull on my old Mac mini".
_MADE_ON_MY = re.compile(
    r"\b(?:built|made|wrote|written|developed|coded|hacked|prototyped|trained)\s+(?:it\s+|this\s+|\w+\s+)?"
    r"(?:on|with)\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _named_at(fact: FactRecord) -> int:
    """Where the snippet names the machine of the fact ("2x RTX 4090" is named at "RTX"), or -1."""
    return fact.snippet.find(fact.value.split("x ")[-1].split()[0])


# What the model was trained on, or what the maker serves it on in its own cloud, is not what it
# needs to run: "the training run was 96 H100s", "Training: 8x A100 80GB, 31 hours", "trained on
# 4x RTX 6000 Ada", "It runs on L4 GPUs in our own cloud", "in our Frankfurt region on L40S servers".
# (the model's own training run, told as done; not fine-tuning a tool does, "fine-tune a 7B model
# on one 24GB GPU", whose machine is the tool's floor)
_TRAINED_ON = re.compile(r"\b(?:pre-?)?training(?:\s+run)?(?:\s+(?:was|used|took|ran|needed)\b|\s*:)"
                         r"|\btraining\s+hardware\b"
                         r"|\b(?:was|were|we|I)\s+(?:pre-?)?trained\b"
                         r"|\b(?:pre-?)?trained\s+(?:from scratch|it|them)\b"
                         # (a model card's line: "Trained on 16x A100 for nine days")
                         r"|^\W*(?:pre-?)?trained\s+(?:on|with|using)\b",
                         re.I)
_IN_OUR_CLOUD = re.compile(
    r"\b(?:in|on|from)\s+our\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:cloud|region|data\s?cent(?:re|er)s?|servers"
    r"|infrastructure|clusters?|fleet)\b", re.I)


def _trained_or_served_on(fact: FactRecord) -> bool:
    """Whether the snippet puts the hardware in the model's training, or in the maker's own cloud
    (a machine the user needs is neither: "fine-tuned on our data, it runs on one 4090" keeps it)."""
    folded = fact.snippet.lower()
    if "train" not in folded and "our " not in folded:
        return False  # (neither is said in most snippets)
    at = _named_at(fact)
    if at < 0:
        return False
    before = _clause_up_to(fact.snippet, at)
    if _said_last(_TRAINED_ON, before):
        return True
    # (the maker's cloud beside the machine, not as an alternative to it: "in our EU cloud or on a
    # single server with an L4" keeps the L4)
    for cloud in _IN_OUR_CLOUD.finditer(fact.snippet):
        between = fact.snippet[min(cloud.end(), at):max(cloud.start(), at)]
        if len(between) <= 60 and not re.search(r"\bor\b|[;.]", between):
            return True
    return False


# (a verb of running after the training words gives the machine back: "fine-tuned on X, it runs on")
_TO_RUN = re.compile(r"\b(?:runs|running|run on|needs?|requires?|fits?|works?|inference|deploy\w*|serv\w*)\b",
                     re.I)


# What the makers tested or developed on, a customer runs its own systems on, or a serving engine's
# kernels and platforms support, is not what the tool needs: "We tested it on an RTX 4090 and an L40S",
# "I developed it against an H100 box at work", "an early customer that runs its data warehouse on a
# cluster of NVIDIA L40S servers", "FP8 kernels on Blackwell (B200)", "AMD MI300X is now a tier-1 platform".
# (said as what the makers did, "we tested it on", "were tested on", "developed against"; a bare "Tested on a
# Raspberry Pi 5" in a list, or "It's tested on an RTX 4090 and needs 6 GB", tells where it runs)
_TESTED_ON = re.compile(r"\b(?:we|I|they)\s+(?:\w+\s+)?(?:tested|benchmarked|measured|evaluated|profiled"
                        r"|developed|validated)\b[^;.]*?\b(?:on|against|with)\b"
                        r"|\b(?:were|was|been|are)\s+(?:all\s+)?(?:tested|benchmarked|validated|evaluated|profiled)\s+"
                        r"(?:on|against|with)\b|\bdeveloped\s+(?:it\s+|this\s+)?(?:on|against)\b", re.I)
_CUSTOMERS_OWN = re.compile(r"\b(?:customers?|clients?|Pilotkunden?|Kunden?|clientes?)\b[^;.]*?"
                            r"\b(?:runs?|operates?|hosts?|betreibt|betreiben|utilise|usa)\s+(?:its|their|sie|ihre?[nm]?|son|sa|su)\b",
                            re.I)
# The words one of those patterns needs (lower case).
_TESTED_WORDS = ("test", "benchmark", "measur", "evaluat", "profil", "develop", "validat", "custom", "client",
                 "kunde", "kernel", "cache", "platform", "supported")
_SUPPORTED_BEFORE = re.compile(r"\b(?:kernels?|KV cache)\b[^;.]*$", re.I)
_SUPPORTED_AFTER = re.compile(r"[^;.]*?\b(?:tier-\d platform|(?:is|are) now supported|now supported)\b", re.I)


def _clause_up_to(snippet: str, at: int) -> str:
    """The snippet before `at`, back to the last ";" (the clause a machine is named in)."""
    return snippet[snippet.rfind(";", 0, at) + 1:at]


def _said_last(pattern: re.Pattern[str], before: str) -> bool:
    """Whether the pattern matches in the text before a machine with no verb of running after its
    last match ("trained on X, it runs on Y" gives Y back)."""
    found = [match.end() for match in pattern.finditer(before)]
    return bool(found) and not _TO_RUN.search(before, found[-1])


def _tested_customers_or_supported(fact: FactRecord) -> bool:
    """Whether the hardware is only what the makers tested on, a customer's own, or a platform a
    serving engine's kernels support (see above)."""
    folded = fact.snippet.lower()
    if not any(map(folded.__contains__, _TESTED_WORDS)):
        return False  # (most snippets say none of it: no pattern is searched)
    at = _named_at(fact)
    if at < 0:
        return False
    before = _clause_up_to(fact.snippet, at)
    if _said_last(_TESTED_ON, before):
        return True
    return bool(_CUSTOMERS_OWN.search(before) or _SUPPORTED_BEFORE.search(before)
                or _SUPPORTED_AFTER.match(fact.snippet, at))


def _the_authors_machine(fact: FactRecord) -> bool:
    """Whether the hardware is only the machine the author built the tool on (see above)."""
    at = fact.snippet.find(fact.value.split()[0])
    return at > 0 and bool(_MADE_ON_MY.search(fact.snippet[:at]))


def _not_the_floor(fact: FactRecord) -> bool:
    """Whether a named accelerator is only an example of a stated floor ("one 48 GB GPU (an L40S or
    an A6000)") or what another model needs ("level with X, which needs four A100s")."""
    at = _named_at(fact)
    before = fact.snippet[:at] if at >= 0 else ""
    # (Each is searched only when the clause holds a word it needs: most hold neither.)
    folded = _fold(before)
    return bool(("gb" in folded and _EXAMPLE_OF_FLOOR.search(before))
                or (any(map(folded.__contains__, ("which", "that", "who")))
                    and _ANOTHER_NEEDS.search(before))
                or ("than" in folded and _ANOTHER_DOES.search(before))
                or (any(map(folded.__contains__, ("for", "to"))) and _PASSED_THROUGH.search(before)))


_EXAMPLE_OF_FLOOR = Searched(
    r"\d+\s?GB\s+(?:of\s+)?(?:VRAM|GPU|card|graphics card|GPU memory)s?"
    r"(?:\s*[(,—–]\s*(?:e\.g\.,?\s*|such as\s+|like\s+|for example,?\s+|say,?\s+)?"
    r"|\s+(?:e\.g\.,?\s*|such as\s+|like\s+|for example,?\s+))(?:an?\s+)?"
    r"(?:[\w -]+\s+or\s+(?:an?\s+)?)?$",
    re.I)
_ANOTHER_NEEDS = Searched(
    r"\b(?:than|as\s+\w+\s+as|level with|on par with|match(?:es|ing)?|rivals?|beats?|ahead of|behind"
    r"|vs\.?|versus"
    r"|compared (?:to|with)|unlike|like)\s+[^,;.()]{1,40}?(?:\([^)]*\))?(?:,\s*an?\s+(?:[\w-]+\s+){0,2}?)?"
    r"\s*[,(]?\s*(?:which|that|who)\s+"
    r"(?:still\s+)?(?:needs?|requires?|takes?|uses?|wants?|runs? on)\s+(?:[\w-]+\s+){0,2}$", re.I)

# What another model does on its own hardware: "2x faster than X (55B) does on an A100".
_ANOTHER_DOES = Searched(
    r"\bthan\s+[^,;.]{1,40}?\s+(?:does|do|did|runs?|ran|needs?|manages?|gets?)\s+(?:on|with)\s+"
    r"(?:an?\s+|the\s+|one\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# Hardware the tool hands to what it runs, not what it runs on: "GPU passthrough for L4 and A10G
# hosts", "drivers for H100s".
_PASSED_THROUGH = Searched(
    r"\b(?:pass-?through|support|drivers?)\s+(?:for|to)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s*(?:,|and|or)\s+)*$",
    re.I)


# A platform saying how it serves the model: "we run it on H200s", "serve it on Modal with an L4",
# "our engine also supports MLX on Apple Silicon".
_PLATFORM_RUNS = Searched(
    r"\b(?:we(?:'re|’re| are)?\s+(?:serv|host|run|deploy)\w*|serv(?:e|es|ed|ing)\s+(?:it|them)"
    r"|host(?:s|ed|ing)?\s+(?:it|them)|deploy(?:s|ed|ing)?\s+(?:it|them)|engine|runtime)\b", re.I)
