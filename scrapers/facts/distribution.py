"""distribution: where the tool is published ("Hugging Face", "PyPI", "Chrome Web Store", ...)."""

from __future__ import annotations

import re

from scrapers.facts.base_model import FAMILY_NAMED
from scrapers.facts.engine import Rule, Searched, Sentences, Table, clause_before, table_facts
from scrapers.facts.license import of_a_models_part
from scrapers.facts.vendor import own_feed_company, own_platform, vendor_facts
from scrapers.records import FactRecord
from scrapers.stores import listing_store

_JOINS = (" and ", " or ", " & ", " + ", "/", " / ")


def _pair(this: str, other: str) -> str:
    """`this` where "on" or "for" names it with `other` ("on iOS and Android", "for Android & iOS"),
    each matched apart (two facts from one phrase: the rows' spans must not overlap)."""
    # (not "live on Android and iOS": the platform row reads "live on" an OS as no store)
    first = rf"(?<!\blive on )(?:(?<=\bon )|(?<=\bfor )){this}(?=\s*(?:and|or|&|\+|/)\s*{other}\b)"
    second = "|".join(rf"(?<!\blive on {other}{joined})(?<=\b{lead} {other}{joined}){this}\b"
                      for lead in ("on", "for") for joined in map(re.escape, _JOINS))
    return f"{first}|{second}"


# The words before "App Store" that name Apple's: "On the App Store", "the iOS App Store". (The Mac
# App Store is a store of its own, as the later sets label it: a Mac app is not on the iPhone's.)
_APPLES = frozenset({"Apple", "iOS", "iPhone", "iPad", "The", "On", "In", "Our", "Its", "Now", "And",
                     "Or", "Also", "Get", "Download", "Available", "Free", "Live", "From", "Via", "Both"})


def _app_store(match: re.Match[str]) -> str:
    """Apple's App Store, or another platform's when a name is said before it ("Xero App Store")."""
    brand = match["brand"]
    return "App Store" if brand is None or brand in _APPLES else f"{brand} App Store"  # ("Mac App Store")


# A store or registry by name, or the command that installs from it.
DISTRIBUTIONS: Table = (
    (Rule(r"\bHugging ?Face(?: Hub)?\b|\bon HF\b|\bHF Hub\b|\bhf\.co/|\bhuggingface\.co/", re.I,
          starts=("hugging", "hf", "on hf"), needs=("hugging", "hf", "huggingface")), "Hugging Face"),
    # "the whole family is on the Hub": the Hugging Face Hub, as ML writing calls it.
    (Rule(r"\b(?:on|to|from|via) the (?:HF )?Hub\b", starts=("on the", "to the", "from the", "via the"),
          needs=(" hub",)), "Hugging Face"),
    (Rule(r"\b(?:on|in|via|from|to|and|or) LM Studio\b", needs=("lm studio",)), "LM Studio"),
    (Rule(r"\b(?:on|from|via|to) GitHub\b(?! (?:pull|PRs?|issues|Actions|Copilot|repos\b|Container Registry"
          r"|Packages\b))", re.I,
          needs=("github",)), "GitHub"),
    # Ollama the store, not Ollama the runtime another tool talks to.
    # ("in Ollama 0.31" is the runtime's version, not its library.)
    (Rule(r"\b(?:on|for|from|via|in|to) (?:the )?Ollama\b(?! v?\d)(?: library)?|\bollama (?:run|pull)\b",
          re.I, needs=("ollama",)), "Ollama"),
    # (and uv's runner, which fetches the tool from PyPI: "uvx plover-mcp", "uv tool install")
    (Rule(r"\bPyPI\b|\b(?:pip|pipx|uv pip|uv tool) install\b|\buv add\b|\buvx [a-z]", re.I,
          needs=("pypi", "install", "uv add", "uvx")), "PyPI"),
    # (and the second of two registries: "SDKs are on PyPI and npm")
    (Rule(r"\bnpm (?:install|i)\b|\b(?:on|from) npm\b|\bnpx\b|\bnpmjs\.com\b"
          r"|(?<=\bPyPI and )npm\b|(?<=\bPyPI or )npm\b|(?<=\bPyPI, )npm\b|(?<=\bPyPI & )npm\b"
          # (and its own package: "An npm package, foo-web, runs the model in the browser")
          r"|\b(?:an?|our|the|its) npm package\b", re.I,
          needs=("npm", "npx")), "npm"),
    # (an image on another registry is not on Docker Hub: "Docker image on GHCR", "docker pull quay.io/...")
    (Rule(r"\bDocker Hub\b|(?:\bdocker (?:pull|run)\b|\bDocker image\b)"
          r"(?![^.;]{0,30}\b(?:GHCR|ghcr\.io|GitHub Container Registry|Quay|quay\.io|ECR|gcr\.io)\b)",
          re.I, needs=("docker",)),
     "Docker Hub"),
    (Rule(r"\bHomebrew\b|\bbrew install\b", re.I, needs=("brew",)), "Homebrew"),
    (Rule(r"\bcrates\.io\b|\bcargo (?:install|add)\b", re.I, needs=("crates", "cargo")), "crates.io"),
    (Rule(r"\b(?:yarn|pnpm|bun) add\b", re.I, needs=(" add",)), "npm"),
    (Rule(r"\bgem install\b", re.I, needs=("gem install",)), "RubyGems"),
    # Windows' command-line installer: "scoop install foo", "Homebrew or Scoop" (the name capitalised:
    # "a scoop of ice cream" is none)
    (Rule(r"\bScoop\b|\bscoop (?:install|bucket)\b", needs=("scoop",)), "Scoop"),
    # a browser's or an editor's extension is published through its store: "a Chrome extension",
    # "ships as a VS Code extension", "the Firefox add-on"
    (Rule(r"\bChrome Web Store\b|\bChrome extension\b", re.I, needs=("chrome web store", "chrome extension")),
     "Chrome Web Store"),
    (Rule(r"\bFirefox [Aa]dd-?ons?\b|\bFirefox extension\b", needs=("firefox add", "firefox extension")),
     "Firefox Add-ons"),
    (Rule(r"\b(?:VS ?Code|Visual Studio Code) extension\b", re.I, needs=("code extension",)),
     "VS Code Marketplace"),
    # an app for both phones is in both stores: "on iOS and Android", "for Android & iOS"
    (Rule(_pair("iOS", "Android"), needs=("ios",)), "App Store"),
    (Rule(_pair("Android", "iOS"), needs=("ios",)), "Google Play"),
    # a design tool's or a chat app's own plug-in catalogue: "in the Figma Community", "the Slack App
    # Directory"
    (Rule(r"\bFigma Community\b|\b(?:Slack|Zoom|Miro|Canva) App (?:Directory|Marketplace)\b",
          needs=("figma community", "app directory", "app marketplace")), lambda m: m[0]),
    # (another platform's app store is its own: "the Shopify App Store", "the Xero App Store")
    # (Shopify's and Slack's are read by the row of stores named as such, below)
    (Rule(r"\b(?:(?P<brand>[A-Z][\w.+-]*) )?(?<!Shopify )(?<!Slack )App Store\b", needs=("app store",)),
     _app_store),
    (Rule(r"\bGoogle Play\b|\bPlay Store\b", needs=("google play", "play store")), "Google Play"),
    (Rule(r"\b(?:VS ?Code|Visual Studio) Marketplace\b", re.I, needs=("marketplace",)),
     "VS Code Marketplace"),
    # the open registry of editor extensions (VSCodium, Cursor) is a registry of its own
    (Rule(r"\bOpen ?VSX\b", re.I, needs=("open vsx", "openvsx")), "Open VSX"),
    # ... and an IDE's plug-in through JetBrains' own: "a JetBrains plugin", "the IntelliJ plugin"
    (Rule(r"\bJetBrains Marketplace\b"
          r"|\b(?:JetBrains|IntelliJ(?: IDEA)?|PyCharm|WebStorm|GoLand) plug-?ins?\b", re.I,
          needs=("jetbrains", "intellij", "pycharm", "webstorm", "goland")), "JetBrains Marketplace"),
    # a shop's app is in its platform's store: "now a Shopify app", "our Shopify app"
    (Rule(r"\bShopify app\b(?! store)", re.I, needs=("shopify app",)),
     "Shopify App Store"),
    (Rule(r"\bAWS Marketplace\b", re.I, needs=("aws marketplace",)), "AWS Marketplace"),
    # Salesforce's store, and kubectl's plug-in index ("kubectl krew install lichen")
    (Rule(r"\b(?:Salesforce )?AppExchange\b", needs=("appexchange",)), "Salesforce AppExchange"),
    (Rule(r"\b(?:kubectl )?krew install\b|\bKrew\b(?= (?:index|plugin|plug-in)s?\b)|\b(?:on|via|from) Krew\b",
          re.I, needs=("krew",)), "Krew"),
    (Rule(r"\bAzure Marketplace\b", re.I, needs=("azure marketplace",)), "Azure Marketplace"),
    (Rule(r"\bAzure AI Foundry\b", re.I, needs=("azure ai foundry",)), "Azure"),
    (Rule(r"\b(?:in|on|to|via|through) Microsoft Foundry\b", needs=("microsoft foundry",)),
     "Microsoft Foundry"),
    (Rule(r"\b(?:Amazon )?Bedrock\b", needs=("bedrock",)), "Amazon Bedrock"),
    (Rule(r"\bVertex AI\b", needs=("vertex ai",)), "Vertex AI"),
    (Rule(r"\bOpenRouter\b", needs=("openrouter",)), "OpenRouter"),
    (Rule(r"\bReplicate\b", needs=("replicate",)), "Replicate"),
    (Rule(r"\bKaggle\b", needs=("kaggle",)), "Kaggle"),
    # Package registries by name.
    (Rule(r"\b(?:PGXN|CRAN|CPAN|Hackage|Packagist|NuGet|RubyGems|Maven Central|JSR|conda-forge|Flathub"
          r"|Snapcraft|F-Droid|winget|Chocolatey|AUR)\b",
          needs=("pgxn", "cran", "cpan", "hackage", "packagist", "nuget", "rubygems", "maven central", "jsr",
                 "conda-forge", "flathub", "snapcraft", "f-droid", "winget", "chocolatey", "aur")),
     lambda m: m[0]),
    # Stores and registries whose names do not say "Store": Microsoft's for Office add-ins, Epic's
    # Fab (only after "on"/"from": "fab" is a word), the embedded registries, itch.io, Steam.
    (Rule(r"\b(?:Microsoft )?AppSource\b", needs=("appsource",)), "Microsoft AppSource"),
    (Rule(r"\b(?:on|from|via|in|to) Fab\b", needs=(" fab",)), "Fab"),
    (Rule(r"\bPlatformIO [Rr]egistry\b", needs=("platformio",)), "PlatformIO Registry"),
    (Rule(r"\bArduino Library Manager\b|\bArduino library manager\b", needs=("arduino",)),
     "Arduino Library Manager"),
    (Rule(r"\bitch\.io\b", needs=("itch.io",)), "itch.io"),
    (Rule(r"\b(?:on|from|via|to) Steam\b(?! Deck)", needs=(" steam",)), "Steam"),
    # A store or marketplace named as such: "the GitHub Marketplace", "the Microsoft Store", "the
    # Shopify App Store", "the Raycast Store".
    (Rule(r"\b(?!(?:The|Our|Your|Its|This|Their|A|An|In|On)\b)(?P<name>(?:[A-Z][\w.+-]*\s){1,3}"
          r"(?:Marketplace|Store|Gallery|Add-ons))\b",
          needs=("marketplace", "store", "gallery", "add-ons")),
     lambda m: "" if _DATA_STORE.search(m["name"]) else m["name"]),
    # A platform the tool is served on: "is live on GroqCloud", "now live on Basalt", "runs on
    # Ollama's cloud" (not "live on Android": an OS is not a place it is published).
    # (and a headline's title case: "Kestrel Is Now Live On Basalt")
    (Rule(r"\b(?i:is|are|goes|went|now)\s+(?i:now\s+)?(?i:live)\s+(?i:on)\s+(?i:the\s+)?"
          r"(?!(?:Android|iOS|macOS|Mac|Windows|Linux|Twitch|YouTube|Product Hunt|Hacker News|Kickstarter"
          r"|Indiegogo|Reddit|Twitter|LinkedIn|TikTok|Instagram|X)\b)"
          r"(?P<name>[A-Z][\w.-]*[\w])",
          needs=("live on",)), lambda m: m["name"]),
    (Rule(r"\bon\s+(?P<name>[A-Z][\w.-]*[\w])(?:'s|’s)\s+cloud\b", needs=("cloud",)), lambda m: m["name"]),
    # A platform's own catalogue: "now in the Lanternhub model library".
    (Rule(r"\b(?:in|to|into) (?:the )?(?P<name>[A-Z][\w.-]*[\w])(?:'s)? (?:model )?"
          r"(?:library|catalog|catalogue)\b", needs=("library", "catalog")), lambda m: m["name"]),
)
# A store of data, not of software: "a Feature Store", "the Model Registry", "a Vector Store".
_DATA_STORE = Searched(r"\b(?:Feature|Vector|Key|Value|Object|Data|Model|Container|Schema|Artifact|Secret"
                         r"|Document|Blob|Credential|Session|State|Image|Prompt|Memory|Event|Photo|Media)\s",)


# What the tool talks to is not where it is published: "talks to Ollama", "connects to OpenRouter".
_TALKS_TO = Searched(
    r"\b(?:talks?|connects?|speaks?|plugs? in(?:to)?|hooks? into|calls?)\s+(?:to\s+)?$"
    # ... or a list of them after it: "talks to whatever endpoint you give it: Ollama, OpenRouter, ..."
    r"|\b(?:talks?|connects?|speaks?)\s+to\b[^.;:]*:\s*"
    r"(?:[\w.-]+(?:\s[\w.-]+)?(?:,\s*|,?\s+(?:or|and)\s+))*$", re.I)


# Where the models a tool runs come from: "downloads models from Ollama", "the models it runs are
# pulled from Hugging Face".
# The channel it calls its model through is no store: "runs on Claude through Amazon Bedrock",
# "answers come from Llama 3 via Replicate".
_MODEL_THROUGH = re.compile(
    r"\b(?:runs?|running|built|hosted)\s+on\s+[A-Z][\w.-]*(?:\s+[\w.-]+){0,2}\s+(?:through|via)\s+(?:the\s+)?$"
    r"|\b(?:calls?|uses?|using|come|comes)\s+(?:from\s+)?[A-Z][\w.-]*(?:\s+[\w.-]+){0,2}\s+(?:through|via)"
    r"\s+(?:the\s+)?$"
    # ... "Claude 3.7 Sonnet, reached through Amazon Bedrock", "Llama 3, served via Bedrock"
    r"|\b(?:reached|accessed|called|served|invoked)\s+(?:through|via)\s+(?:the\s+)?$")
_MODELS_IT_RUNS = Searched(
    r"\b(?:downloads?|pulls?|fetch(?:es)?|loads?|runs?|imports?|grabs?|finds?|browses?)\s+(?:[\w-]+\s+){0,2}?"
    r"models?\b|\bmodels\s+(?:it|you|they)\s+\w+"
    r"|\b(?:imports?|loads?|reads?|converts?)\s+(?:[\w-]+\s+){0,3}?(?:checkpoints|files|GGUFs|weights)\b",
    re.I)


def distribution_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """Each place the text says the tool is published or installed from; "our model library" is
    the feed's own company's. Not the tool itself ("ollama run" in Ollama's own release notes)."""
    facts = table_facts("distribution", DISTRIBUTIONS, sentences)
    company = own_feed_company(sentences)
    at = max(sentences.folded.find("our model library"), sentences.folded.find("our library"))
    if company and at >= 0:
        index = next(i for i, end in enumerate(sentences.offsets[1:]) if at < end)
        facts.append(FactRecord(kind="distribution", value=company, snippet=sentences[index]))
    # (nor where a part of the model is: "the training notebooks are now on GitHub")
    talked_to = {value for index, value, match in sentences.reading(DISTRIBUTIONS)
                 if isinstance(value, str) and (_TALKS_TO.search(sentences[index][:match.start()])
                                                or _MODEL_THROUGH.search(sentences[index][:match.start()])
                                                or _MODELS_IT_RUNS.search(clause_before(sentences[index],
                                                                                       match.start()))
                                                or of_a_models_part(sentences[index], match.start()))}
    maker = _maker(sentences, url)
    facts = [fact for fact in facts if fact.value not in talked_to
             and not _is_the_tool(sentences, fact.value) and not _inside_the_makers(sentences, fact, maker)]
    facts = _answered_no(sentences, _both_phones_alike(facts))
    store = store_named(company) if company else None
    if store and maker and maker.value != store and store not in {fact.value for fact in facts} \
            and not _integrates(sentences, store):
        # A store's own feed bringing another maker's model: "Muse Glimmer is now available".
        facts.append(FactRecord(kind="distribution", value=store, snippet=maker.snippet))
    elif company and not store and not facts and (maker is None or maker.value != company) \
            and (maker is not None or FAMILY_NAMED.match(sentences.name)) \
            and (hosted := own_platform(sentences)):
        # A platform's own feed bringing a model family it does not make, or another maker's product:
        # "GroqCloud Now Supports Qwen3 32B", "Introducing Kimi K2 on GroqCloud", "Brindlemark's Tolliver 2
        # is now available on Flintcloud" (not its own feature: "Prompt Caching on GroqCloud").
        index, platform = hosted
        facts.append(FactRecord(kind="distribution", value=platform, snippet=sentences[index]))
    listed = listing_store(url)
    if listed and sentences.items and listed not in {fact.value for fact in facts}:
        # An entry that is the store's own listing of the tool is a place it is published: its
        # headline (a literal span) is what the editor sees it by.
        facts.append(FactRecord(kind="distribution", value=listed, snippet=sentences[0]))
    return facts



def _integrates(sentences: Sentences, store: str) -> bool:
    """Whether the text says the product works with the store, not that it is published there: "Google
    announces Firebase Genkit with Ollama support", on Ollama's feed, is a framework that talks to it."""
    name = re.escape(store)
    return bool(re.search(rf"\b{name}\s+(?:support|integration)\b"
                          rf"|\b(?:supports?|integrates?\s+with|works?\s+with)\s+{name}\b",
                          sentences.text, re.I))


# Both phones named together in a snippet: "not on iOS and Android yet", "for Android & iOS"
_PHONE_PAIR = re.compile(r"\b(?:on|for) (?:iOS|Android)\s*(?:and|or|&|\+|/)\s*(?:Android|iOS)\b")


def _both_phones_alike(facts: list[FactRecord]) -> list[FactRecord]:
    """The two stores of one "on iOS and Android" denied together: "Not on iOS and Android yet" says
    neither, though the denial reads only as far as the "and"."""
    phones = [fact for fact in facts
              if fact.value in ("App Store", "Google Play") and _PHONE_PAIR.search(fact.snippet)]
    denied = {fact.snippet for fact in phones if fact.negated}
    return [fact.model_copy(update={"negated": True}) if fact in phones and fact.snippet in denied else fact
            for fact in facts]


# The stores whose own feeds carry other makers' models, by the company's name.
_STORES = {value.casefold(): value for _, value in DISTRIBUTIONS if isinstance(value, str)}


def store_named(company: str) -> str | None:
    """The store a company's name is ("Ollama", "Hugging Face"), if it is one."""
    return _STORES.get(company.casefold())


def _maker(sentences: Sentences, url: str | None) -> FactRecord | None:
    found = vendor_facts(sentences, url)
    return found[0] if found else None


def _inside_the_makers(sentences: Sentences, fact: FactRecord, maker: FactRecord | None) -> bool:
    """"A new web search API is now available in Ollama", from Ollama: a feature inside the maker's
    own product, not a store it is published on."""
    owner = maker.value if maker else own_feed_company(sentences)
    if owner and fact.value != owner and (maker is None or maker.value == own_feed_company(sentences)):
        # the maker's own platform, named after it: "Prompt caching is now live on FennelCloud", from
        # Fennel (a store keeps its name: "Ollama" is read above; another maker's model on it is
        # published there: "Canopy Labs' Orpheus TTS is live on GroqCloud")
        return (fact.value.casefold().startswith(owner.casefold()) and store_named(fact.value) is None
                and not FAMILY_NAMED.match(sentences.name))
    if maker is None:
        return False
    found = [match for _, value, match in sentences.reading(DISTRIBUTIONS) if value == fact.value]
    return bool(found) and all(match[0].lower().startswith(("in ", "via ", "through "))
                               for match in found)


def _is_the_tool(sentences: Sentences, store: str) -> bool:
    """The store is the tool: its name, or a headline naming its version ("Ollama 0.32")."""
    if sentences.name:
        return bool(re.match(rf"{re.escape(store)}\b", sentences.name, re.I))
    title = sentences.items[0] if sentences.items else ""
    return bool(re.match(rf"{re.escape(store)}\s+v?\d", title, re.I))


# A store given an answer of no in a list or an FAQ: "Firefox add-on: not yet", "Google Play — no".
_ANSWERED_NO = re.compile(r"\s*(?::|—|–|-|\?)\s*(?:not yet|no|none yet|nope|n/a)\b", re.I)


def _answered_no(sentences: Sentences, facts: list[FactRecord]) -> list[FactRecord]:
    """The facts, each store answered "not yet" after its name negated."""
    denied = {value for index, value, match in sentences.reading(DISTRIBUTIONS)
              if isinstance(value, str) and _ANSWERED_NO.match(sentences[index], match.end())}
    return [fact.model_copy(update={"negated": True}) if fact.value in denied and not fact.negated else fact
            for fact in facts]
