"""pricing_model and entry_price: how the tool is paid for, and what it costs to start.

A price is a currency amount and what it buys ("$20/month", "$0.006 per minute", "$2 per 1K
requests", "2.9% per transaction"); price-parser reads the amount and currency. The entry price is
the lowest of the tool's own prices (not one it is compared with), and "free tier" when the text
says there is one; "no free tier" is that fact negated.
"""

from __future__ import annotations

import re
from decimal import Decimal

from price_parser.parser import extract_price_text, parse_number

from scrapers.facts.engine import Hit, Rule, Searched, Sentences, clause_before, with_a_digit
from scrapers.facts.license import of_a_models_part
from scrapers.facts.others import anothers_sentences
from scrapers.records import FactRecord

# "48,000", "1.299,00", "0.008": thousands grouped either way, decimals after either mark.
_AMOUNT = r"\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_SCALE = r"(?P<scale>1M|1 ?million|million|1K|1,000|1000|thousand|100|10K|1B)"
# What one unit of a per-unit price is: a person (a seat) or a thing the tool is used on.
_PERSONS = ("seat", "user", "member", "editor", "developer", "employee", "person", "head", "teacher",
            "student", "agent", "lawyer", "clinician", "driver",
            # ... and the professions a tool is sold to by the head: "$79 per vet per month"
            "vet", "doctor", "physician", "nurse", "dentist", "therapist", "pharmacist", "accountant",
            "attorney", "recruiter", "engineer", "designer", "writer", "tutor", "coach", "analyst",
            "rep", "seller", "creator", "author", "reviewer", "translator", "researcher", "technician",
            "dispatcher", "adjuster", "broker", "realtor", "planner", "instructor", "trainer",
            "committer", "contributor", "collaborator", "maintainer", "veterinarian", "radiologist",
            "surgeon", "psychologist", "counsellor", "counselor", "midwife", "paramedic", "optometrist",
            "physiotherapist", "hygienist", "auditor", "bookkeeper", "inspector", "underwriter", "estimator",
            # ... and the staff a tool is sold to by the head: "£2 per staff member per month", "£45 per
            # fee-earner per month"
            "staff member", "team member", "staff", "fee-earner", "caseworker", "carer", "caregiver",
            "practitioner", "solicitor", "paralegal", "clerk", "operator", "manager", "worker",
            # ... as the other languages of our feeds say them ("19 € pro Nutzer und Monat", "2 € par élève
            # et par an", "US$ 8 por usuário", "Rp 20.000 per pengguna")
            "nutzer", "nutzerin", "benutzer", "benutzerin", "mitarbeiter", "mitarbeiterin", "arbeitsplatz",
            "lizenz", "schüler", "lehrer", "utilisateur", "utilisatrice", "membre", "élève", "étudiant",
            "enseignant", "usuario", "usuaria", "usuário", "usuária", "miembro", "membro", "alumno", "alumna",
            "aluno", "aluna", "estudiante", "profesor", "professor", "pengguna", "gebruiker", "medewerker",
            "utente", "użytkownika", "użytkownik")
_THINGS = ("repo", "repository", "device", "project", "site", "camera", "server", "node",
           "location", "workspace", "instance", "machine", "vehicle", "drone", "store", "app",
           "domain", "website", "bot", "robot", "vessel", "truck", "sensor",
           # (and theirs: a shop, a device, a project)
           "tienda", "loja", "boutique", "magasin", "filiale", "geschäft", "gerät", "appareil", "dispositivo",
           "projekt", "projet", "proyecto", "projeto", "toko")
_THING = "|".join(_PERSONS + _THINGS)
# Any one word between two "per"s is what a unit is of: "per cooperative per month", "per hectare
# per season", "per co-op per month" (a list of things could never hold every thing a tool is sold by).
# A period is not a thing: "$5 per month per seat" is per seat per month.
_ANY_THING = (r"(?<=per )(?!(?:month|mo|year|yr|annum|week|day|hour|minute|second)\b)"
              r"(?P<seatw>[a-z][a-z-]{2,14})(?= per )")
# ... and any noun after a last "per", for the same reason: "NOK 3 per form", "AED 0.15 per
# conversation" (singular: "per forms" is "per form"); not "per cent", "per se" or a determiner.
_A_NOUN = (r"(?!(?:el|la|los|las|le|les|un|une|o|um|uma|der|die|das|ein|eine|jede[nrs]?|cada|chaque)\b)"
           r"(?!(?:cent|se|the|our|your|their|its|each|every|one|day|month|year|for|and|or|with|when|if|in|on"
           r"|at|to|plus|after|then|from|billed|paid|including|use|usage)\b)"
           r"[a-z][a-z-]{1,13}(?:ss|[a-rt-z])(?=s?\b)")
# (and after "per" as the other languages of our feeds say it: "R$ 0,12 por conversa", "0,008 € pro Seite")
_ANY_UNIT = rf"(?:(?<=per )|(?<=por )|(?<=par )|(?<=pro )|(?<=je )){_A_NOUN}"
_WHAT = (
    # (compute units first: "vCPU-second" is one unit, not "vCPU" then "-second")
    r"(?P<what>(?:vCPU|CPU|GPU|GB)[- ](?:second|sec|minute|min|hour|hr|month)"
    # what is timed, then its unit: "per audio minute", "per call hour"
    r"|(?:audio|video|call|output|transcribed|processed|recorded) (?:minute|second|hour)"
    r"|month|mo|year|yr|annum|season|week|day|hour|hr|minute|min|second|sec|page|"
    rf"{_THING}|request|call|API call|API request|search|query|queries|token|input token|output token"
    r"|input\s?/\s?output token|image"
    r"|character|char|word|document|doc|credit|run|transaction|GB|TB|generation|video|song"
    r"|message|email|send|minute of audio|sms"
    # the month and year as Portuguese, Spanish, French, German, Japanese, Chinese and Indonesian
    # write them
    r"|mês|mes|mois|Monat|月|ano|año|Jahr|年|an|année|bulan|tahun|maand|jaar|mese|anno|miesiąc|rok"
    # (and a minute, an hour and a page in Dutch, Italian and Polish)
    r"|minuut|minuto|minutę|minuta|uur|ora|godzinę|pagina|stronę|strona"
    # a second written "/s" ("$0.0004/s"), then any other noun after "per" (`_ANY_UNIT`)
    rf"|(?<=/)s(?![\w/])|{_ANY_UNIT})(?:es|s)?"
)
# Currency signs and ISO codes as launch text writes them: "$9", "A$149", "₹299", "CHF 0.008", "20 USD".
_CODE = (r"USD|EUR|GBP|CHF|JPY|INR|KRW|CAD|NZD|SGD|HKD|SEK|NOK|DKK|CNY|RMB|BRL|ZAR|MXN|CZK|PLN|HUF|RON|TRY"
         r"|NGN|KES|IDR|THB|MYR|ILS|AED|TWD|ARS|CLP|COP|EGP|UAH|MAD|NPR|PKR|LKR|BDT|VND|KZT|GHS|SAR|QAR|ISK"
         r"|BGN|RM|kr|Rp")
_SIGNS = ("$", "€", "£", "¥", "₹", "₩", "₦", "₺", "₱", "₪", "₴", "₫", "₵", "฿", "₨", "₸")
_SIGN_CLASS = "[" + "".join(_SIGNS).replace("$", r"\$") + "]"
# A code as a word ("CHF 12", "20 USD."), not inside one ("makes", "neural"): a text with none of
# these has no price to read.
_CODE_NEEDS = (*(f"{code.lower()}{after}" for code in _CODE.split("|") for after in (" ", ".", ",", "/")),
               *(f"{code}{digit}" for code in ("rm", "rp") for digit in "0123456789"))
# ("RM15", "Rp25.000": ringgit and rupiah are written close)
_PRICE_NEEDS = (*_SIGNS, *_CODE_NEEDS)
# "per" as the other languages of our feeds say it, in lower case and as a word ("19 € pro Monat",
# "12 USD al mes"; not the "Pro" of "$4/mo Pro plan")
_PER_WORDS = r"(?-i:pro|par|por|je|al|au|ao|im|za)"
_PER = rf"(?:\s?(?:/|per|an?|each)\s?|\s{_PER_WORDS}\s)"
# Between a unit and its period, "per" or "and": "pro Nutzer und Monat", "par élève et par an".
_AND_PER = rf"(?:{_PER}|\s(?-i:und|et|y|e)\s(?:{_PER_WORDS}\s)?)"
# A period said as one word after the amount, in English and in the other languages of our feeds.
_MONTHLY = ("monthly", "monatlich", "mensuel", "mensuelle", "mensual", "mensal")
_YEARLY = ("annually", "yearly", "jährlich", "annuel", "annuelle", "anual")
# A price by sign begins at the sign (a prefix, "A$", "US$", is read back from the sentence); by
# code, at the code or at its amount.
_BY_SIGN = rf"(?P<price>{_SIGN_CLASS}\s?(?P<amount>{_AMOUNT}))"
_BY_CODE = rf"(?P<price>\b(?:{_CODE})\s?(?P<amount3>{_AMOUNT})|\b(?P<amount2>{_AMOUNT}) ?(?:{_CODE})\b)"
_PRICE_ONLY = (rf"(?P<price>(?:(?:US|A|C|NZ|HK|S|R|MX|E|GH)?{_SIGN_CLASS})\s?(?P<amount>{_AMOUNT})"
               rf"|\b(?:{_CODE})\s?(?P<amount3>{_AMOUNT})|\b(?P<amount2>{_AMOUNT}) ?(?:{_CODE})\b)")
_UNIT_BOUGHT = (
    # (a person counted as billed: "per active committer per month", "per named user")
    rf"(?:{_PER}(?:(?:(?:active|billable|named)\s)?(?:(?P<seat>{_THING})s?|{_ANY_THING}){_AND_PER})?"
    rf"(?:{_SCALE}\s)?{_WHAT}\b"
    rf"(?:\s?(?:/|per|each)\s?(?:(?P<seat2>{_THING})\b|(?P<seat2w>{_A_NOUN}))|\s{_PER_WORDS}\s(?P<seat4>{_THING})\b)?"
    rf"|\s?(?P<monthly>{'|'.join(_MONTHLY + _YEARLY)})\b(?:(?:\s?(?:/|per|each)\s?|\s{_PER_WORDS}\s)"
    rf"(?P<seat3>{_THING})\b)?"
    r"|,?\s?(?P<once>one[- ]time|one[- ]off|once|lifetime)\b)"
)
# A range's high end: "€25 to €60 per seat", "$5–$20/month", "CHF 10-15 a month". The low end is the
# entry price, and it takes the unit said once after the high end.
# (and an input / output pair: "$0.80 / $4 per million input / output tokens", the input price first)
_UP_TO = (rf"(?:\s?(?:-|–|—|to)\s?(?:{_SIGN_CLASS}|(?:{_CODE})\s?)?(?:{_AMOUNT})"
          rf"|\s?/\s?{_SIGN_CLASS}\s?(?:{_AMOUNT}))?")
PRICE = Rule(_BY_SIGN + _UP_TO + _UNIT_BOUGHT, re.I, starts=_SIGNS, needs=_SIGNS)
CODE_PRICE = Rule(_BY_CODE + _UP_TO + _UNIT_BOUGHT, re.I,
                  starts=(*(code.lower() for code in _CODE.split("|")),
                          *(f"rm{digit}" for digit in "0123456789")),
                  digits=True, needs=_CODE_NEEDS)
# Rarer currencies: more ISO codes (East and West Africa, the Caucasus, Central Asia, the Balkans,
# the Gulf, the Americas), local names written like codes (Kenyan "KSh", Polish "zł", Hungarian
# "Ft", Czech "Kč", Romanian "lei", also written against the amount: "1500Ft") and more signs (tögrög,
# taka, lari, rouble, manat, colón, kip, hryvnia).
# Read by scanning only the texts that hold one (no start words to key them by: each is rare).
_RARE_CODES = ("UGX|TZS|RWF|ETB|XOF|XAF|ZMW|MWK|BWP|NAD|MUR|MNT|GEL|AZN|UZS|KGS|BYN|RSD|MKD|BAM|BHD|KWD|OMR"
               "|JOD|TND|DZD|PEN|BOB|PYG|UYU|GTQ|CRC|DOP|JMD|MMK|KHR|LAK|KSh|zł|Ft|Kč|lei")
_RARE_SIGNS = "₮৳₾₽₼₡₭₴"
# Local names people write against the amount: "1500Ft", "49zł", "250Kč", "20lei", "KSh500" is a code's
_GLUED_NAMES = ("zł", "ft", "kč", "lei", "ksh")
RARE_PRICE = Rule(
    # (the Peruvian sol is written "S/": "S/ 0.05", "S/12")
    rf"(?P<price>(?:[{_RARE_SIGNS}]|(?<![\w/])S/)\s?(?P<amount>{_AMOUNT})|\b(?:{_RARE_CODES})\s?(?P<amount3>{_AMOUNT})"
    rf"|\b(?P<amount2>{_AMOUNT}) ?(?:{_RARE_CODES})\b)" + _UP_TO + _UNIT_BOUGHT, re.I,
    needs=(*_RARE_SIGNS, "s/", *(f"{code.lower()}{after}" for code in _RARE_CODES.split("|") if len(code) > 2
                           for after in (" ", *"0123456789")),
           *(f" {code.lower()}{after}" for code in _RARE_CODES.split("|") for after in (" ", "/", ".", ",")),
           *(f"{digit}{name}" for name in _GLUED_NAMES for digit in "0123456789")),
    scan=with_a_digit,  # (its needs are in many words: "pen " in "open source")
)
# A price whose sign comes after the amount, as most of Europe writes it: "19 € pro Nutzer und Monat",
# "2 € par élève et par an", "30 $ pro Nutzer", "2,980円/月" (the value puts the sign first, as an
# English text writes it: "€19/seat/month").
_AFTER_SIGNS = ("€", "$", "£", "¥", "円", "₹", "₩", "₺", "₴", "₫")
SIGN_AFTER_PRICE = Rule(
    rf"(?P<price>\b(?P<amount>{_AMOUNT})\s?(?P<sign>[{''.join(_AFTER_SIGNS).replace('$', chr(92) + '$')}]))"
    # (a tax said between: "3,5 € HT par utilisateur", "19 € netto pro Monat", "29 € zzgl. MwSt. im Monat")
    + r"(?:\s(?:HT|TTC|netto|brutto|(?:zzgl|inkl)\.\s?(?:MwSt|USt)\.?|\+\s?IVA|IVA incl\.?))?"
    # (it needs a digit just before a sign, not a sign anywhere: "$" is in every English price)
    + _UNIT_BOUGHT, re.I, digits=True,
    needs=tuple(f"{digit}{gap}{sign}" for digit in "0123456789" for gap in ("", " ", "\u00a0")
                for sign in _AFTER_SIGNS))
# A price in yen after the word for "monthly" or "yearly": "月額2,980円" (from ¥2,980 a month).
YEN_MONTHLY = Rule(
    rf"(?P<monthly>月額|年額|月々)\s?(?P<price>(?P<amount>{_AMOUNT})\s?(?P<sign>円))(?P<seat3>(?!)x)?",
    needs=("円",))  # (scanned: a Japanese sentence has no spaces to key words by)
_SIGN_WRITTEN = {"円": "¥"}  # a sign as the value writes it

# The one-time price said first: "One-time purchase, $19.99", "pay once: €30", "lifetime licence for £49".
ONE_TIME_FIRST = Rule(
    r"\b(?P<once>one[- ]time|one[- ]off|pay once|lifetime)"
    r"(?:\s(?:purchase|payment|fee|price|licen[cs]e|deal))?"
    rf"[,:]?\s(?:of\s|for\s|at\s|just\s|only\s)?{_PRICE_ONLY}",
    re.I, starts=("one", "pay once", "lifetime"), needs=_PRICE_NEEDS, on_demand=True,
)
# A tier list whose period is said once, after it: "Starter €19 · Team €49 · Business €149, all per
# month", "Solo $9 | Team $29, each per month": the first price, by that period.
_TIER_SEP = r"\s*(?:[·|/,;]|\bor\b)\s*(?:[A-Z][\w+-]*\s+)?"
LIST_PRICE = Rule(
    rf"(?P<price>[$€£]\s?(?P<amount>{_AMOUNT}))"
    rf"(?=(?:{_TIER_SEP}[$€£]\s?(?:{_AMOUNT}))+,?\s+(?:all|each|both)\s+(?:per|a)\s+"
    r"(?P<what>month|year)\b)(?P<seat>(?!)x)?",  # (no seat: the group `_priced` reads)
    starts=("$", "€", "£"), needs=("all per", "each per", "both per", "all a ", "each a ", "both a "),
    on_demand=True,
)
FEE = Rule(
    rf"(?P<percent>{_AMOUNT}) ?%(?:\s?\+\s?(?:[$€£]?\d+(?:\.\d+)?¢?|\d+ ?cents?))?"
    r"\s?(?:per|a|/|of each|on each|of every)\s?(?P<what>transaction|sale|payment|charge|order|booking|payout"
    r"|invoice)s?\b",
    re.I, needs=("%",), scan=with_a_digit,
)
# A price in words: "a cent a page", "two cents per minute", "a dollar a month", "five euros a seat".
_WORD_AMOUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
                 "half a": 0.5}
WORD_PRICE = Rule(
    r"\b(?P<number>half a|a|one|two|three|four|five|ten|\d+(?:\.\d+)?)\s*(?P<coin>cent|dollar|euro|pound|¢)s?"
    rf"\s?(?:/|per|an?|each)\s?(?:(?P<seat>seat|user|member|editor)\s?(?:/|per|an?)\s?)?(?:{_SCALE}\s)?{_WHAT}\b",
    re.I, starts=("half", "a", "one", "two", "three", "four", "five", "ten"), digits=True,
    needs=(" cent", " dollar", " euro", " pound", "¢"),
)
_COINS = {"cent": ("$", 0.01), "¢": ("$", 0.01), "dollar": ("$", 1), "euro": ("€", 1), "pound": ("£", 1)}
# Free as the other languages of our feeds write it (any gender and number).
_FREE_WORDS = ("kostenlos|gratuit|gratuite|gratuits|gratuites|gratuito|gratuita|gratuitos|gratuitas|gratis"
               "|grátis|gratuiti|bezpłatne|bezpłatny|darmowe|za darmo")
_FREE_STARTS = ("kostenlos", "gratuit", "gratis", "grátis")  # (what each of them begins with)
# After "is" in those languages ("est gratuite", "ist kostenlos", "es gratis", "é gratuito").
_AFTER_IS = (r"(?:(?<=\best )|(?<=\bist )|(?<=\bes )|(?<=\bé )|(?<=\bson )|(?<=\bsont )"
             r"|(?<=\bsão )|(?<=\bbleibt )|(?<=\breste ))")
# A while counted in days, weeks or months: a trial's, not a free tier's allowance.
_DAYS_WORDS = (r"(?:Tage|Wochen|Monate|jours|semaines|mois|días|dias|semanas|meses|giorni|settimane|mesi"
               r"|dni)\b")
FREE_TIER = Rule(
    r"\bfree (?:tier|plan|version|edition)s?\b"
    r"|\bfree for (?:personal|individuals?|hobby|hobbyists|non-commercial|noncommercial|internal|evaluation"
    r"|academic|educational"
    r"|non-?profits|educators|side projects"
    r"|open[- ]source|students|small teams|solo|public (?:repos|repositories|projects))\b|\bfree up to\b"
    r"|\bfree to start\b"
    # a plan of it that is free: "Hisaabkar's Basic plan is free for businesses under ...", "the
    # Explorer tier is free" (begun at "free")
    r"|(?:(?<=\bplan is )|(?<=\btier is )|(?<=\bplan stays )|(?<=\btier stays )|(?<=\bplan remains )"
    r"|(?<=\btier remains )|(?<=\bedition is ))free\b"
    # an app store's listing of a free app that sells more inside it: "Free · Offers In-App Purchases"
    r"|\bfree\s*[·•|,–-]\s*(?:offers\s+)?in-app purchases\b"
    # free for a single one of what it is sold by: "free for one household", "free for a single user"
    r"|\bfree for (?:one|a single|1|a|your first) (?:household|family|user|person|seat|device|project"
    r"|workspace|team|site|store|location|repo|repository|account|home|classroom)\b"
    # a plan at nothing in a price list: "Starter $0", "Free: €0/month", "Hobby | $0"
    r"|\b(?:Free|Starter|Hobby|Personal|Community)(?:\s+(?:plan|tier))?\s*[:|–-]?\s*"
    r"[$€£]\s?0(?:\.00)?(?![\d.,]*[1-9])"
    # ... said as a cost of nothing: "zero cost for hobby projects", "no cost for personal use"
    r"|\b(?:zero|no) cost for (?:personal|individuals?|hobby|hobbyists|non-commercial|side projects|students"
    r"|open[- ]source|solo)\b"
    # ("1 000" with a space between thousands; "on the house" is free)
    # (the noun may be left out, and the allowance kept: "the first 10 are still free")
    r"|\b(?:first|up to)\s+[\d,]+(?: \d{3})*(?:\s+(?!days?\b|weeks?\b|months?\b|are\b|is\b)[\w-]+"
    r"(?:\s+[\w-]+){0,4})?\s+(?:are|is)\s+(?:still\s+|always\s+|also\s+)?(?:for\s+)?"
    r"(?:free|on the house|on us)\b"
    # ... and an allowance by the day or month: "10 doubts per day are free" (begun at "free")
    r"|(?:(?<=\bper day are )|(?<=\bper month are )|(?<=\ba day are )|(?<=\ba month are )"
    r"|(?<=\beach day are )|(?<=\beach month are ))free\b"
    # ... and a free allowance by the month: "with the first 200 hours free every month", "a sandbox
    # with 500 free conversations a month"
    r"|\bfirst\s+[\d,]+\s+(?!days?\b|weeks?\b|months?\b)[\w-]+(?:\s+[\w-]+)?\s+free\s+(?:every|each|a|per)\s+"
    r"(?:month|week|day|year)\b"
    # (the period before "free": "first 200 pages a month free", "the first 50 a month are free")
    r"|\bfirst\s+[\d,]+\s+(?!days?\b|weeks?\b|months?\b)(?:[\w-]+\s+){0,2}?(?:every|each|a|per)\s+"
    r"(?:month|week|day|year)\s+(?:are\s+|is\s+)?free\b"
    # (begun at "free", so that the rule is not tried at every number: "500 free conversations a month")
    r"|(?:(?<=\d )|(?<=\d[KkMm] ))free\s+[\w-]+\s+(?:every|each|a|per)\s+(?:month|week|day|year)\b"
    # "free for the first 1,000 requests a month", "every plan, including the free one"
    r"|\bfree for (?:the first|up to)\b|\b(?:including|even) (?:on )?the free (?:one|plan|tier)\b"
    # An allowance or a condition: "free for 100 sends a month", "free if you have fewer than 50
    # invoices", "free under 1,000 users", "free below 10 GB".
    r"|\bfree for [\d,.]+[KkMm]?\b(?! (?:days?|weeks?|months?|years?)\b)"
    r"|\bfree (?:if|when|as long as|under|below|up to|for up to)\b"
    r"|\bfree (?:for|to) (?:the first|your first)\b"
    # Free below a revenue or usage line: "free until you make $100K", "free until your app
    # passes 10,000 users" (not "free until March": a promotion that ends).
    r"|\bfree until (?:you|your \w+|they|it|a \w+)\s+(?:make|makes|earn|earns|reach|reaches|hit|hits|pass"
    r"|passes|exceed|exceeds|cross|crosses|grow|grows|gross|grosses|outgrow|outgrows)\b"
    # Free for a class of users: "free for government schools", "free for registered charities".
    r"|\bfree for (?:[\w-]+\s)?(?:[\w-]+(?:,\s|\s(?:and|or)\s))?(?:schools|classrooms|universities|teachers"
    r"|charities|NGOs|libraries|hospitals|clinics|startups|nonprofits|non-profits|churches|mosques|temples"
    r"|museums|co-?ops|cooperatives)\b"
    # A zero price with an allowance: "$0 for 3 workspaces", "€0 up to 500 pages"; what comes after
    # a free allowance: "$3/mo after 50 free images", "beyond your first 1,000 free calls".
    r"|[$€£]\s?0(?:\.00)?\s+(?:for|up to|until|on)\s+(?:the\s+first\s+|your\s+first\s+)?"
    r"(?:\d|(?:one|two|three|four|five|ten|a)\b)"
    r"|\b(?:after|beyond)\s+(?:the\s+first\s+|your\s+first\s+|your\s+)?[\d,]+[KkMm]?\s+free\b"
    # Free below a size: "free for newsrooms with fewer than 10 people", "free for teams under 5".
    r"|\bfree for (?:[\w-]+\s){0,2}?[\w-]+s\s(?:with\s(?:fewer|less)\sthan|of\s(?:fewer|less)\sthan"
    r"|under|below|up to)\s[\d,]+\b"
    # A free tier as the other languages of our feeds say it: "einen kostenlosen Tarif", "le plan
    # gratuit", "plan gratuito", "Gratuito: até 5 horas por mês" (a plan's line), "est gratuite pour
    # les enseignants" (free for a class), "bis zu 3 Projekte kostenlos" (an allowance, not days).
    r"|\b(?:kostenlose[nrsm]?|Gratis-|Free-)\s?(?:Tarif|Plan|Version|Stufe|Variante|Basisversion|Zugang)\b"
    r"|\b(?:plan|plano|versión|versão|version|offre|formule|niveau|nivel|tarifa|cuenta|conta|compte)\s+"
    rf"(?:{_FREE_WORDS})\b"
    rf"|\b(?:{_FREE_WORDS})\s?:"
    rf"|{_AFTER_IS}(?:{_FREE_WORDS})\s+(?:pour|para|für)\b"
    rf"|\b(?:bis zu|hasta|jusqu'à|jusqu’à|até)\s+[\d.,]+\s+(?!{_DAYS_WORDS})(?:[\w-]+\s+){{0,4}}?"
    rf"(?:sind\s+|son\s+|sont\s+|são\s+)?(?:{_FREE_WORDS})\b"
    # ... and the first of them free: "as primeiras 100 conversas de cada mês são grátis", "les 50
    # premières pages sont gratuites", "die ersten 100 Seiten sind kostenlos"
    rf"|\b(?:primeir[oa]s|primer[oa]s|premi[eè]res?|premiers|ersten|prime|primi|pierwsze)\s+"
    rf"(?!(?:[\d.,]+\s+)?{_DAYS_WORDS})(?:[\d.,]+\s+)?(?:[\w-]+\s+){{0,5}}?(?:são|son|sont|sind|sono|są)\s+(?:{_FREE_WORDS})\b"
    rf"|(?<=\d )(?:premi[eè]res?|premiers|primeir[oa]s|primer[oa]s|ersten)\s+(?!{_DAYS_WORDS})"
    rf"(?:[\w-]+\s+){{0,5}}?(?:são|son|sont|sind)\s+(?:{_FREE_WORDS})\b",
    re.I, starts=("free", "first", "up to", "including", "even", "after", "beyond", "$", "€", "£",
                  "zero cost", "no cost", "starter", "hobby", "personal", "community",
                  "plan", "plano", "versión", "versão", "version", "offre", "formule", "niveau", "nivel",
                  "tarifa", "cuenta", "conta", "compte", *_FREE_STARTS, "bis zu", "hasta", "jusqu'à",
                  "jusqu’à", "até", "primeir", "primer", "premi", "ersten", "prime", "primi", "pierwsze"),
    needs=("free", "on the house", "on us", "0 for", "0 up to", "0 until", "0 on", "cost for", "starter",
           "hobby", "personal", "community", "kostenlos", "gratis", "grátis", "gratuit", "bezpłatn", "darmo"),
)
# ... and as Japanese says it: "無料プラン", "無料枠", "毎月100枚までは無料" (free up to an allowance).
# (Found by scanning the sentences that hold it: a Japanese sentence has no spaces to key words by.)
JAPANESE_FREE_TIER = Rule(r"無料(?:プラン|枠|版)|(?<=まで)無料|(?<=までは)無料|フリープラン"
                          # (and Korean: "매달 처음 100분은 무료", the first 100 minutes each month free)
                          r"|(?:처음|첫)\s?[\d,]+\S*\s?무료|무료\s?플랜",
                          needs=("無料", "フリープラン", "무료"))
FREEMIUM = Rule(r"\bfreemium\b", re.I, starts="freemium", needs=("freemium",))
# Free as the price of the whole tool, not of a tier, a trial or an allowance.
FREE = Rule(
    # Not "feel free to", "try it for free" (a trial), "free from ads", "free up space".
    r"(?<!feel )(?<!try it for )(?<!try for )(?<!start for )(?<![-\w])free\b"
    r"(?![- ](?:tier|plan|trial|version|edition|form|text|hand|for|up|to start|of|during|from"
    r"|while|in beta|until|for now|for a limited time|if|when|under|below|as long as"
    r"|credits?|minutes|hours|usage|quota|seats?)\b)|\bfree for (?:everyone|anyone|all|commercial|research)\b"
    # "free for home and work use", "free for any purpose": the whole tool, not a personal tier
    r"|\bfree for (?:both )?(?:home|personal|private)(?: use)? and (?:work|commercial|business|office) use\b"
    r"|\bfree for any (?:use|purpose)\b"
    # "free for any instructor who wants it": everyone of the class the tool is for
    r"|\bfree for any [a-z]+(?=\s+(?:who|that)\b|\s*[,.;]|$)"
    # "free for every classroom, forever", "free for every team": the whole tool for all of them
    r"|\bfree for every(?:body| (?!(?:month|week|day|year|hour|first)\b)[a-z]+)\b"
    r"|\b(?:at )?no charge\b|\b(?:at )?no cost\b(?! for (?!everyone|anyone|all\b))"
    r"|\bzero cost\b(?! for (?!everyone|anyone|all\b))"
    r"|\bfree of charge\b|\bcosts? (?:you )?nothing\b"
    # "zero dollars", "zero euros": a price of nothing
    r"|\bzero (?:dollars|euros|pounds|rupees|yen)\b"
    r"|\bgratis\b"
    # a price of nothing: "Pricing: $0.", "it costs €0"
    r"|\b(?:pricing|costs?)(?:\s*:|\s+is)?\s*[$€£]\s?0(?![\d.,]*[1-9])"
    r"(?!\s+(?:for|up to|until|on)\b)"
    # ... and "is free" in the other languages of our feeds: "Quorl est gratuit", "ist kostenlos"
    rf"|{_AFTER_IS}(?:{_FREE_WORDS})\b(?!\s+(?:pour|para|für)\b)",
    re.I,
    starts=("free", "no cost", "no charge", "at no cost", "at no charge", "zero cost", "cost", "gratis",
            "pricing", "zero", *_FREE_STARTS),
    needs=("free", "no cost", "no charge", "zero cost", "nothing", "gratis", "$0", "€0", "£0", "$ 0", "€ 0",
           "zero dollars", "zero euros", "zero pounds", "zero rupees", "zero yen", "kostenlos", "gratuit",
           "grátis"),
)
PAID_PLAN = Rule(r"\bpaid (?:plans?|tiers?|versions?|subscriptions?)\b|\bpaid-only\b", re.I,
                 starts="paid", needs=("paid",))
PAY_PER_USE = Rule(r"\bpay[- ](?:per[- ](?:token|use|call|request)|as[- ]you[- ]go)\b", re.I, starts="pay",
                   needs=("pay",))
OPEN_SOURCE = Rule(r"\bopen[- ]sourc(?:e[ds]?|ing)\b"
                   # (as German, Spanish and Portuguese say it: "ist nicht quelloffen", "de código abierto")
                   r"|\bquelloffen(?:e[nrsm]?)?\b|\bc[oó]digo (?:abierto|aberto)\b",
                   re.I, starts=("open", "quelloffen", "código", "codigo"),
                   needs=("open", "quelloffen", "digo abierto", "digo aberto"))
# Closed source is open source denied ("closed source for now", "a closed-source app"), not a licence.
CLOSED_SOURCE = Rule(
    r"\bclosed[- ]source[ds]?\b(?![- ](?:binaries|dependencies|librar(?:y|ies)|components|software|code"
    r"|vendors?|competitors?|models|apps|tools|products)\b)"
    # "the source is closed", "its source code stays closed"
    r"|\b(?:the|its|our)\s+source(?:\s+code)?\s+(?:is|stays|remains)\s+closed\b",
    re.I, starts=("closed", "the", "its", "our"), needs=("closed",))
# "free for open-source projects", "open-source maintainers get it free": who is served, not the tool.
_FOR_OPEN_SOURCE = re.compile(r"\b(?:for|to|with)\s+(?:the\s+|all\s+|any\s+)?$", re.I)
_OPEN_SOURCE_USERS = re.compile(
    r"[\s-]+(?:repos|repositories|projects|maintainers|contributors|communities|community|developers"
    r"|teams|orgs|organisations|organizations|non-?profits|work)\b", re.I)

def _unit(word: str) -> str:
    """A unit as one value says it: "mo" is "month", "users" and "members" are "seat"."""
    word = _TIMED.sub("", word.lower())
    if word in _PERSONS:
        return "seat"
    compute = _COMPUTE_UNIT.match(word)
    if compute:  # "vCPU-second", "GPU-hour": the resource as it is written, then its time unit
        resource, time = compute.groups()
        return f"{_RESOURCES[resource]}-{_UNIT_NAMES.get(time, time)}"
    return _UNIT_NAMES.get(word, word)


_TIMED = re.compile(r"^(?:audio|video|call|output|transcribed|processed|recorded) (?=minute|second|hour)")
_COMPUTE_UNIT = re.compile(r"(vcpu|cpu|gpu|gb)[- ](\w+)$")
_RESOURCES = {"vcpu": "vCPU", "cpu": "CPU", "gpu": "GPU", "gb": "GB"}


# Units said more than one way, as one value says them.
_UNIT_NAMES = {"mo": "month", "yr": "year", "annum": "year", "hr": "hour", "min": "minute",
               "sec": "second", "char": "character", "doc": "document", "user": "seat",
               "member": "seat", "editor": "seat", "search": "request", "query": "request",
               "queries": "request", "call": "request", "api call": "request", "api request": "request",
               "input token": "token", "output token": "token", "input / output token": "token",
               "input/output token": "token", "s": "second",
               "mês": "month", "mes": "month", "mois": "month", "monat": "month", "月": "month",
               "ano": "year", "año": "year", "jahr": "year", "年": "year", "an": "year", "année": "year",
               "bulan": "month", "tahun": "year", "conversa": "conversation", "conversación": "conversation",
               "maand": "month", "jaar": "year", "mese": "month", "anno": "year", "miesiąc": "month",
               "rok": "year", "minuut": "minute", "minuto": "minute", "minutę": "minute", "minuta": "minute",
               "uur": "hour", "ora": "hour", "godzinę": "hour", "pagina": "page", "stronę": "page",
               "strona": "page",
               "seite": "page", "página": "page", "mensaje": "message", "mensagem": "message",
               **dict.fromkeys(("tienda", "loja", "boutique", "magasin", "filiale", "geschäft", "toko"),
                               "store"),
               **dict.fromkeys(("gerät", "appareil", "dispositivo"), "device"),
               **dict.fromkeys(("projekt", "projet", "proyecto", "projeto"), "project")}
_SCALES = {"1m": "1M", "1 million": "1M", "million": "1M", "1million": "1M", "1k": "1K", "1,000": "1K",
           "1000": "1K", "thousand": "1K", "100": "100", "10k": "10K", "1b": "1B"}
_PERIODS = ("month", "year", "season", "week", "day")


# The rules each extractor reads: a text where none is live has nothing for it (most texts say
# nothing of a price), so it is not asked each of them in turn.
_PRICE_RULES = frozenset({PRICE, CODE_PRICE, RARE_PRICE, ONE_TIME_FIRST, WORD_PRICE, FEE, LIST_PRICE,
                          SIGN_AFTER_PRICE, YEN_MONTHLY})
_ENTRY_PRICE_RULES = _PRICE_RULES | {FREE_TIER, JAPANESE_FREE_TIER, FREE}
_FREE_RULES = frozenset({FREE_TIER, JAPANESE_FREE_TIER, FREE})
_PRICING_MODEL_RULES = _ENTRY_PRICE_RULES | {FREEMIUM, PAID_PLAN, PAY_PER_USE, OPEN_SOURCE, CLOSED_SOURCE}


def entry_price_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """'free tier' (or its negation) and the lowest of the tool's own prices."""
    if not sentences.any_live(_ENTRY_PRICE_RULES):
        return []
    facts = []
    tier = _free_offer(sentences)
    if tier:
        facts.append(tier.valued("free tier").fact("entry_price", tier.negated() or is_withdrawn(tier)))
    prices = _prices(sentences)
    if prices:
        facts.append(min(prices, key=lambda pair: pair[0])[1].fact("entry_price"))
    return facts


def pricing_model_facts(sentences: Sentences, url: str | None) -> list[FactRecord]:
    """freemium when a free tier (or anything free) and a price are both stated; free, paid and
    open_source when the text says so (or says not)."""
    if not sentences.any_live(_PRICING_MODEL_RULES):
        return []
    facts = []
    tier = _free_tier(sentences)
    freemium = _first_said(sentences, FREEMIUM)
    offer = _free_offer(sentences)
    if not freemium and offer and not offer.negated() and not is_withdrawn(offer) and _prices(sentences):
        freemium = offer
    if freemium:
        facts.append(freemium.valued("freemium").fact("pricing_model"))
    free = _first_said(sentences, FREE)
    if free and not freemium and not tier and _is_the_tool_free(free, bool(_prices(sentences))):
        facts.append(free.valued("free").fact("pricing_model", free.negated()))
    paid = _first_said(sentences, PAID_PLAN) or _first_said(sentences, PAY_PER_USE)
    if paid and not paid.negated() and paid.value.lower().startswith("pay"):
        facts.append(paid.valued("paid").fact("pricing_model"))
    if paid and paid.negated():  # "without a paid plan"; a paid plan alone is in the price
        facts.append(paid.valued("paid").fact("pricing_model", True))
    open_source = _open_source(sentences)
    if open_source:
        facts.insert(0, open_source)
    return facts


# A free tier that was, and is no more: "the free tier is gone", "our free plan has been retired",
# "we have discontinued the free tier". (Said of it after or before the words that name it.)
_GONE_AFTER = re.compile(
    r"\s+(?:is|was|has been|have been|will be|are)\s+(?:now\s+|being\s+)?(?:gone|retired|removed|discontinued"
    r"|dropped|ended|sunset(?:ted)?|going away|no more|a thing of the past)\b", re.I)
_GONE_BEFORE = Searched(
    r"\b(?:retired|removed|dropped|discontinued|ended|killed|sunset(?:ted)?|scrapped|retiring|removing"
    r"|dropping|discontinuing|ending|scrapping)\s+(?:the|our|its)\s+$", re.I)


def is_withdrawn(hit: Hit) -> bool:
    """Whether the sentence says the free offer it names has been taken away."""
    return bool(_GONE_AFTER.match(hit.sentence, hit.end) or _GONE_BEFORE.search(hit.sentence[:hit.start]))


def _free_offer(sentences: Sentences) -> Hit | None:
    """The free tier the text states; or, beside a price of the tool's, whatever it says is free
    ("public repos are free; private ones $29/month", "£6/mo, or free under 50 invoices"). (Read
    once a text: both pricing extractors ask.)"""
    if "free_offer" not in sentences.memo:
        sentences.memo["free_offer"] = _read_free_offer(sentences)
    return sentences.memo["free_offer"]  # type: ignore[return-value]


def _read_free_offer(sentences: Sentences) -> Hit | None:
    tier = _free_tier(sentences)
    if tier or not _prices(sentences):
        return tier
    free = _first_said(sentences, FREE)
    return free if free and not free.negated() and _is_offered_free(free) else None


# Free said of the tool (or a plan of it), not of a perk or another product: not "free updates",
# "a free spreadsheet" (free before a noun), "setup is free", "unlike Foo, which is free".
_FREE_BEFORE_A_NOUN = re.compile(
    r"[\s-]+(?!(?:if|when|under|below|as|with|for|and|or|forever|to|until|plan|tier|up|on|in|at|now"
    r"|today|while|during|since|by)\b)[a-z]", )
_PERK_IS = Searched(r"\b(?:setup|set-up|shipping|onboarding|installation|migration|support|delivery"
                      r"|returns|updates?|upgrades?|trials?|demos?|sign-?up|registration)\s+(?:is|are)\s+"
                      r"(?:always\s+|also\s+|still\s+)?$", re.I)
_ANOTHER_IS = Searched(r"\b(?:unlike|than|versus|vs\.?|compared (?:to|with)|instead of|replac\w+)\b[^.;]*"
                         r"\b(?:which|that|who)\s+(?:is|are|was|were)\s+(?:\w+\s+)?$", re.I)


# Another product of the maker's, named beside the tool: "(its little sister, Tamarack Kids, is
# free)", "Pennywhistle Docs, our older drafting tool, stays at €19/month", "our other app, Foo, costs".
_SISTER_PRODUCT = Searched(
    r"\b(?:its|our|their|the)\s+(?:(?:little|big|younger|elder|older)\s+)?(?:sister|sibling|brother)\b"
    # ... or an add-on sold beside it: "(Our sync add-on, Culliver Sync, is $4/month and optional.)"
    r"|\b(?:its|our|their)\s+(?:[\w-]+\s+){0,2}?add-?ons?\b"
    r"|\b(?:its|our|their)\s+(?:older|other|earlier|previous|legacy|first|original|companion|existing)"
    r"(?:\s+[\w-]+)?\s+(?:apps?|products?|tools?|services?|models?)\b", re.I)


_CONTRAST = re.compile(r"\b(?:but|while|whereas|though|although)\b|;", re.I)


def is_another_products(hit: Hit) -> bool:
    """Whether the sentence gives the price or the free offer to another product of the maker's
    (see `_SISTER_PRODUCT`), named before it and not set against it ("Our other apps are paid,
    but Foo is free")."""
    if not _SISTER_PRODUCT.search(hit.sentence, 0, hit.start):
        return False  # (most sentences name no other product: the contrast is not looked for)
    begin = max((m.end() for m in _CONTRAST.finditer(hit.sentence, 0, hit.start)), default=0)
    return bool(_SISTER_PRODUCT.search(hit.sentence, begin, hit.start))


def _is_the_tool_free(hit: Hit, priced: bool) -> bool:
    """Whether "free" says the whole tool is free: beside a price, a free perk ("free updates")
    says nothing; a perk or another product is never the tool ("setup is free")."""
    if hit.negated():
        return True  # "it is not free" is said of the tool
    if is_another_products(hit):
        return False
    if priced:
        return _is_offered_free(hit)
    before = hit.sentence[:hit.start]
    return not (_PERK_IS.search(before) or _ANOTHER_IS.search(before))


def _is_offered_free(hit: Hit) -> bool:
    sentence = hit.sentence
    before = sentence[:hit.start]
    return not (_FREE_BEFORE_A_NOUN.match(sentence, hit.end) or _PERK_IS.search(before)
                or _ANOTHER_IS.search(before) or is_another_products(hit))


def _open_source(sentences: Sentences) -> FactRecord | None:
    """open_source as the text says it of the tool ("isn't open source", "closed source" deny it);
    None when it names only whom the tool serves ("free for open-source projects")."""
    for index, match in sentences.matches(OPEN_SOURCE):
        hit = sentences.hit("open_source", index, match)
        if hit.promised() or (hit.in_passing() and not hit.negated()):
            continue
        if (_FOR_OPEN_SOURCE.search(clause_before(hit.sentence, hit.start))
                or _OPEN_SOURCE_USERS.match(hit.sentence, hit.end)
                or of_a_models_part(hit.sentence, hit.start)):
            continue  # (nor a part of the model's: "the training code is not open-sourced yet")
        return hit.fact("pricing_model", hit.negated())
    closed = _first_said(sentences, CLOSED_SOURCE)
    return closed.valued("open_source").fact("pricing_model", not closed.negated()) if closed else None


def _free_tier(sentences: Sentences) -> Hit | None:
    return _first_said(sentences, FREE_TIER) or _first_said(sentences, JAPANESE_FREE_TIER)


def _first_said(sentences: Sentences, rule: Rule) -> Hit | None:
    """The rule's first match that is about the tool (not named in passing)."""
    if rule not in sentences.memo:  # (the rule is its own key: no two rules are equal)
        sentences.memo[rule] = _first_said_in(sentences, rule)
    return sentences.memo[rule]  # type: ignore[return-value]


def _first_said_in(sentences: Sentences, rule: Rule) -> Hit | None:
    for index, match in sentences.matches(rule):
        hit = sentences.hit(match[0], index, match)
        if rule in _FREE_RULES and _is_trial(hit):
            continue
        if rule is FREE and _FREE_BEFORE_A_NOUN.match(hit.sentence, hit.end) and hit.negated():
            continue  # "no free hands": a free thing denied, not the price

        # (a plan denied is said, though "planned" be in it: "no paid plan is planned")
        negated = hit.negated()
        if (negated or not hit.in_passing()) and (negated or not hit.promised()):
            return hit
    return None


# A trial is free for a while, not a free tier nor a free tool: "the first 30 days cost nothing",
# "free for the first 14 days", "your first two weeks are free", "a 30-day free trial".
_TRIAL = Searched(
    r"\b(?:first|for|lasts?)\s+(?:the\s+(?:first\s+)?)?(?:\d+|an?|one|two|three|four|six|seven|ten|fourteen"
    r"|thirty|sixty|ninety)[\s-](?:days?|weeks?|months?)\b(?!\s+(?:per|a|an|each|every)\b)"
    r"|\b\d+[\s-]days?\s+(?:free\s+)?trial\b"
    # a first period said without a number: "first month free", "your first week is on us"
    r"|\bfirst\s+(?:day|week|fortnight|month|year)\b(?!\s+(?:per|a|an|each|every)\b)"
    # a first use, one and unnumbered: "the first harvest is free", "your first report is on us"
    r"|\b(?:the|your)\s+(?:very\s+)?first\s+(?!\d)[a-z-]+\s+(?:is|are)\s+(?:free|on us|on the house)\b"
    # ... and as the other languages of our feeds count a trial: "os primeiros 14 dias", "i primi 7 giorni"
    rf"|\b(?:primeir[oa]s|primer[oa]s|premi[eè]res?|premiers|ersten|prime|primi|pierwsze)\s+\d+\s+{_DAYS_WORDS}",
    re.I)
_CLAUSE_END = re.compile(r"[;,:]")


def _is_trial(hit: Hit) -> bool:
    """Whether the free hit is said of a trial: a while counted in its clause, before or after."""
    after = hit.sentence[hit.end:hit.end + 30]
    cut = _CLAUSE_END.search(after)
    clause = clause_before(hit.sentence, hit.end) + (after[:cut.start()] if cut else after)
    return bool(_TRIAL.search(clause))


def _prices(sentences: Sentences) -> list[tuple[Decimal, Hit]]:
    """(amount, hit valued as its price) of each of the tool's own prices, in text order (read
    once: both pricing extractors ask)."""
    if "prices" not in sentences.memo:
        sentences.memo["prices"] = _read_prices(sentences)
    return sentences.memo["prices"]  # type: ignore[return-value]


def _read_prices(sentences: Sentences) -> list[tuple[Decimal, Hit]]:
    # (a price said in a sentence about another product is not the tool's: "Notion AI costs $10 per
    # member per month" beside "Ossway is free" makes no free tier of it)
    others = anothers_sentences(sentences)
    found = [(amount, hit) for amount, hit, index in _read_all_prices(sentences) if index not in others]
    return _without_volume_rates(found)


_CURRENCY_RULES = (PRICE, CODE_PRICE, RARE_PRICE, SIGN_AFTER_PRICE, YEN_MONTHLY, ONE_TIME_FIRST, LIST_PRICE)


def _read_all_prices(sentences: Sentences) -> list[tuple[Decimal, Hit, int]]:
    """(amount, hit, sentence index) of every price the text gives the tool, rule by rule."""
    found = []
    for rule in _CURRENCY_RULES:
        for index, match in sentences.matches(rule):
            found.extend((amount, hit, index) for amount, hit in _currency_price(sentences, index, match))
    for index, match in sentences.matches(WORD_PRICE):
        currency, unit = _COINS[match["coin"].lower()]
        number = match["number"].lower()
        count = Decimal(number) if number[0].isdigit() else Decimal(str(_WORD_AMOUNTS[number]))
        amount = (count * Decimal(str(unit))).normalize()
        cents = amount.quantize(Decimal("0.01"))
        if amount < 1 and amount == cents:  # "50 cents" reads "$0.50", as prices are written
            amount = cents
        hit = sentences.hit(_priced(f"{currency}{amount:f}", match) or "", index, match)
        if hit.value and not _someone_elses_price(hit):
            found.append((amount, hit, index))
    for index, match in sentences.matches(FEE):
        hit = sentences.hit(f"{match['percent']}% per transaction", index, match)
        if not hit.in_passing():
            found.append((Decimal(0), hit, index))  # a fee is charged on the first sale: the lowest price
    return found


# A volume discount's rate, said with the volume it starts at: "NOK 2 per form above 10,000 forms",
# "$0.80 per hour beyond 500 hours", "€4/seat for over 50 seats".
_VOLUME_RATE = re.compile(
    r"[\s,]*(?:for\s+)?(?:above|over|beyond|past|from)\s+[\d][\d,.]*\s?[KkMm]?\s+\w", re.I)


def _without_volume_rates(found: list[tuple[Decimal, Hit]]) -> list[tuple[Decimal, Hit]]:
    """The prices less the volume discounts, when a first rate is stated too: a tool's entry price
    is what its first unit costs, not what its ten-thousandth does."""
    first_rates = [pair for pair in found if not _VOLUME_RATE.match(pair[1].sentence, pair[1].end)]
    return first_rates if first_rates else found


# What the makers paid before, or what others charge: "the hosted platforms we tried started at
# $99/month", "we were paying $200 a month", "competitors charge $30/seat".
_OTHERS_PRICE = Searched(
    r"\b(?:platforms?|tools?|services?|apps?|products?|options?|vendors?|solutions?|ones?|APIs?)"
    r"\s+(?:that\s+)?(?:we|I)\s+(?:tried|used|had|replaced|looked at|evaluated)\b"
    r"|\b(?:we|I)\s+(?:paid|were (?:using|paying)|used to (?:pay|use)|switched from)\b"
    r"|\b(?:competitors?|alternatives?|incumbents?|rivals?)\b"
    # another product said to do the same for its price: "I know Glean does this for $25/user/month"
    r"|\b[A-Z][\w.-]+\s+(?:does|do|did)\s+(?:this|that|it|the same)\s+for\s+(?:about\s+|around\s+)?$", re.I)


def _currency_price(sentences: Sentences, index: int, match: re.Match[str]) -> list[tuple[Decimal, Hit]]:
    """[(amount, hit)] of a currency price the tool charges; [] for another product's."""
    groups = match.groupdict()
    amount_text = groups.get("amount") or groups.get("amount2") or groups.get("amount3") or ""
    # "1.299,00", "12,50" and "0,004" put the decimals after a comma, and so does "49.000" (points
    # between thousands); everything else after a point.
    by_comma = _COMMA_DECIMALS.search(amount_text) or _dotted_thousands(match["price"], amount_text)
    decimal = "," if by_comma else "."
    amount = _amount(match["price"], decimal)
    sign = groups.get("sign")
    written = f"{_SIGN_WRITTEN.get(sign, sign)}{amount_text}" if sign else None
    value = _price(match, amount, _sign_prefix(sentences[index], match),
                   amount_text if decimal == "," else "", written)
    hit = sentences.hit(value or "", index, match)
    if not value or _someone_elses_price(hit):
        return []
    return [(amount or Decimal(0), hit)]


_COMMA_DECIMALS = re.compile(r"(?:^\d+|\.\d{3}),\d{1,2}$|^0,\d+$")  # "€12,50", "€0,004"
_DOTTED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _dotted_thousands(price: str, amount_text: str) -> bool:
    """Whether the points group thousands ("₫49.000", "CLP 390.000", "$1.250.000"): a whole amount
    in groups of three, not after a dollar or pound sign unless there are two groups."""
    if not _DOTTED.fullmatch(amount_text):
        return False
    return amount_text.count(".") > 1 or not price.lstrip().startswith(("$", "£"))


# What the maker pays to run it, not what it costs: "which costs me about $11 a month", "we pay".
# (case kept: "costs US$0.90" is a price in US dollars)
_MAKERS_COST = Searched(r"\b[Cc]ost(?:s|ing)?\s+(?:me|us)\b[^.;]{0,20}$"
                        r"|\b(?:I|[Ww]e)\s+(?:pay|spend)\b[^.;]{0,20}$")


# What something it does not have would cost: "Safari would need an Apple developer account, which
# is $99 a year".
_WOULD_NEED = Searched(r"\bwould\s+(?:need|require|cost|mean|take)\b[^.;]{0,80}$", re.I)


def _someone_elses_price(hit: Hit) -> bool:
    """Whether the price is another product's (named in passing, what others charge, or said "for
    comparison"), what the maker pays, or negated."""
    before = hit.sentence[:hit.start]
    return (("ost" in before or "pay" in before or "spend" in before) and bool(_MAKERS_COST.search(before))
            or ("would" in before and bool(_WOULD_NEED.search(before)))
            or hit.in_passing() or hit.negated() or hit.promised()
            or is_another_products(hit)
            or bool(_FOR_COMPARISON.search(hit.sentence)) or bool(_USED_BEFORE.search(before))
            or bool(_OTHERS_PRICE.search(clause_before(hit.sentence, hit.start)))
            or (any(map(before.lower().__contains__, _COMPARED)) and bool(_ANOTHER_COSTS.search(before))))


# A price told as a yardstick: "Otter's Pro plan is $16.99/month, for comparison".
_FOR_COMPARISON = re.compile(r"\b(?:for|by) comparison\b"
                             # (as the other languages of our feeds say it)
                             r"|\bà titre de comparaison\b|\bpar comparaison\b|\bzum Vergleich\b"
                             r"|\bim Vergleich\b"
                             r"|\ben comparación\b|\bpor comparación\b|\bem comparação\b|\bcomo comparação\b",
                             re.I)
# ... or as what the makers used before: "Google's route API, which we used before, charged us $200".
_USED_BEFORE = re.compile(
    r"\b(?:which|that)\s+(?:we|I)\s+(?:used|had|relied on)\s+(?:before|previously|until)\b", re.I)
# Another product's price in a clause that compares: "cheaper than Foo, which costs $9/month",
# "unlike Bar, which charges $30 a month".
_COMPARED = ("unlike", "than", "versus", "vs", "compared", "instead of", "replac", "switch")
_ANOTHER_COSTS = Searched(
    r"\b(?:unlike|than|versus|vs\.?|compared (?:to|with)|instead of|replac\w+|switch(?:ing|ed)? from)\s+"
    r"[^.;]{1,60}?,?\s*(?:which|that|who)\s+(?:costs?|charges?|charged|is|was|runs?|ran|starts? at"
    r"|bills?|asks?)\s+(?:you\s+)?(?:about\s+|around\s+|from\s+|over\s+|just\s+)?$", re.I)


def _sign_prefix(sentence: str, match: re.Match[str]) -> str:
    """The letters a sign is prefixed with ("A" of "A$149", "US" of "US$20", "E" of "E£350"), or ''."""
    sign = match["price"][:1]
    letters = _DOLLAR_PREFIX if sign == "$" else _SIGN_PREFIXES.get(sign)
    if letters is None:
        return ""
    at = match.start("price")
    prefix = letters.search(sentence, max(0, at - 3), at)
    return prefix[1] if prefix else ""


_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(US|CA|A|C|NZ|HK|S|R|MX)$")
# Letters other signs are prefixed with: the Egyptian pound "E£", the Ghanaian cedi "GH₵".
_SIGN_PREFIXES = {"£": re.compile(r"(?<![A-Za-z])(E)$"), "₵": re.compile(r"(?<![A-Za-z])(GH)$")}


def _amount(price: str, decimal: str) -> Decimal | None:
    """The amount price-parser reads in a price ("$1,299" -> 1299), as `Price.fromstring(price,
    decimal_separator=decimal).amount` reads it: its two steps that read the amount, not the third,
    which looks the currency up in a long list of regexes (the sign is read from the match)."""
    text = extract_price_text(price)
    return parse_number(text, decimal) if text is not None else None


def _price(match: re.Match[str], amount: Decimal | None, prefix: str = "",
           comma_text: str = "", written: str | None = None) -> str | None:
    if amount is None:
        return None
    # the price as written: "A$149", "CHF 0.008", "20 USD" (or as `written`, a sign put first); an
    # amount with a decimal comma or points between thousands as an English text writes it ("€0,004"
    # is "€0.004")
    written = written or " ".join(match["price"].split())
    if comma_text:
        written = written.replace(comma_text, f"{amount:,f}", 1)
    return _priced(prefix + written, match)


# What buys a plan, not a unit of use: the customer's own account ("$20/month per organisation",
# "CHF 49 a month per clinic"), as against a rate per thing it is used on ("€79/month per store").
_ACCOUNTS = frozenset({"team", "workspace", "organisation", "organization", "org", "account", "company",
                       "business", "practice", "clinic", "firm", "agency", "tenant", "customer",
                       "household", "family"})


def _per_period_per(match: re.Match[str], what: str) -> str | None:
    """The noun of "per month per estate" or "/month per warehouse": a rate per thing per period,
    as the seat of "per month per seat" is. Not after "a month" ("PLN 199 a month per studio" is
    read, as the older sets write it, as a monthly price)."""
    noun = match["seat2w"] if "seat2w" in match.re.groupindex else None
    if not noun or what not in _PERIODS:
        return None
    said = match.string[match.end("price"):match.start("what")]
    return None if re.search(r"\ban?\s*$", said, re.I) else noun


def _priced(amount: str, match: re.Match[str]) -> str | None:
    """The amount with what it buys, as the match says it."""
    if match.re.groupindex.get("once") and match["once"]:
        return f"{amount} one-time"
    if match.re.groupindex.get("monthly") and match["monthly"]:
        monthly = match["monthly"].lower() in _MONTHLY or match["monthly"] in ("月額", "月々")
        period = "month" if monthly else "year"
        per = _unit(match["seat3"] or "")
        return f"{amount}/{per}/{period}" if per else f"{amount}/{period}"
    what = _unit(match["what"])
    first = match["seat"] or (match["seatw"] if "seatw" in match.re.groupindex else None)
    after = (match["seat2"] if "seat2" in match.re.groupindex else None) or _per_period_per(match, what)
    after = after or (match["seat4"] if "seat4" in match.re.groupindex else None)
    if what in _PERIODS and not first and _unit(after or "") in _ACCOUNTS:
        after = None  # "$12/month per team" is the plan's price: every plan is per account
    per = _unit(first or after or "")
    if what in _PERIODS:
        return f"{amount}/{per}/{what}" if per else f"{amount}/{what}"
    if what == "seat":
        return f"{amount}/seat/month" if not per else None
    if what in _THINGS and not per:
        return f"{amount}/{what}"
    scale = _SCALES.get((match["scale"] or "").lower().replace(" ", ""), "")
    plural = "s" if scale else ""
    return f"{amount} per {scale + ' ' if scale else ''}{what}{plural}"
