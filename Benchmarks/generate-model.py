#!/usr/bin/env python3
"""Write a synthetic but valid programteori (.pt) with N elements, for benchmarks.

    python3 Benchmarks/generate-model.py --elements 10000 --seed 1 --out Benchmarks/work/m10000.pt

"Elements" are the top-level elements a diagram draws as nodes: the målgruppe, slutmål,
delmål, aktiviteter, mekanismer and antagelser (the `programteori` header and the nested
`indikator` blocks are not counted; every delmål and slutmål has exactly one indikator).

The shape follows the real models in Models/:
  * a header with kommune, ansvarlig, version, dato, status and a short beskrivelse;
  * one målgruppe with kendetegn, størrelse and afgrænsning;
  * ~1 slutmål per 500 elements (at least one);
  * delmål (~35 %) laid out in chains of COLUMNS columns: a delmål in column c leads
    (`fører til`) to the next delmål of its chain in column c+1, sometimes also to a delmål
    of another chain in column c+1; the last column leads to a slutmål. Links only go to a
    higher column, so the graph has no cycles;
  * aktiviteter (~37 %), aktivitet i leads to delmål i mod D (so every delmål is brought
    about directly by an aktivitet) and sometimes to a second delmål;
  * mekanismer (~20 %) with `type` and `understøtter` (one to three aktiviteter, or a single
    existing link `A -> D`);
  * antagelser (the rest, ~5 %+) with `gælder: X -> Y` on an existing link, `kritisk` and
    `evidens`;
  * every indikator is fully specified: enhed, baseline (år), mål with a deadline in
    2028-2030, datakilde, frekvens, retning (consistent with baseline → mål).

Danish text with æøå throughout. Output is a pure function of (--elements, --seed): the same
arguments always give byte-identical files. Standard library only.
"""

import argparse
import os
import random
import sys

COLUMNS = 4
MAX_FILE_SIZE = 32 * 1024 * 1024  # Sources/PTSyntax/Parser.swift: maxFileSize

SUBJECTS = ["Borgeren", "Den unge", "Deltageren", "Den ledige", "Kursisten", "Familien"]
OUTCOME_VERBS = [
    "møder stabilt op til", "gennemfører", "mestrer", "får overblik over", "tager ansvar for",
    "oplever fremgang i", "håndterer", "forbedrer", "fastholder", "kender sine muligheder for",
    "er afklaret om", "bruger aktivt",
]
OUTCOME_OBJECTS = [
    "aftaler med jobcentret", "sin økonomi og sin bolig", "praktik i en virksomhed",
    "et forløb på ordinære vilkår", "sine helbredsmæssige udfordringer", "hverdagens gøremål",
    "et realistisk uddannelsesmål", "læsning, skrivning og regning", "samarbejdet med kommunen",
    "kontakten til sit netværk", "sin søvn, kost og motion", "mødetider på arbejdspladsen",
    "arbejdsmarkedets spilleregler", "sin plan for uddannelse eller job", "støtte fra en mentor",
]
ACTIVITY_TITLES = [
    "Individuelle samtaler med fast kontaktperson", "Gruppeforløb om hverdagsmestring",
    "Værkstedsaktiviteter med praktisk træning", "Virksomhedspraktik med tæt opfølgning",
    "Forberedende voksenundervisning (FVU)", "Mentorstøtte i overgangen til uddannelse",
    "Kost- og motionsforløb", "Rådgivning om økonomi og gæld", "Opsøgende indsats ved udeblivelse",
    "Koordinerende sagsbehandler på tværs af forvaltninger", "Jobsøgningskursus med øvelser",
    "Samtaler med psykolog eller misbrugskonsulent", "Fælles møder med uddannelsesvejleder",
    "Småjob og løntilskud hos lokale virksomheder", "Brobygning til erhvervsskole",
]
MECHANISM_TITLES = [
    "Troværdig og tillidsbaseret relation til borgeren",
    "Én plan, som borgeren og medarbejderen bruger aktivt",
    "Fokus på borgerens ressourcer frem for begrænsninger",
    "Tæt samarbejde med lokale virksomheder",
    "Medarbejdere med viden om psykiske lidelser",
    "Fleksible rammer, så indsatser kan køre parallelt",
    "Tydelig ledelse med løbende opfølgning på resultater",
    "Tid nok til den enkelte borger",
]
MECHANISM_TYPES = ["kompetence", "ressource", "tilgang", "organisatorisk ramme"]
ASSUMPTION_TITLES = [
    "Stabilt fremmøde er en forudsætning for næste skridt",
    "Succesoplevelser undervejs styrker troen på forandring",
    "Barrierer kan afhjælpes sideløbende med den beskæftigelsesrettede indsats",
    "En fast kontaktperson gør det lettere at fastholde borgeren",
    "Praktik i en rigtig virksomhed motiverer mere end kurser",
]
EVIDENCE = [
    "erfaringer fra Hedensted og Skanderborg (KL, Gør som de bedste)",
    "STARs fokusrevision af ungeområdet",
    "lokal evaluering fra 2024, illustrativ",
    "forskningsoversigt fra VIVE, illustrativ",
]
DATA_SOURCES = [
    "jobindsats.dk", "Fagsystemet (fremmøderegistrering)", "Min Plan", "Progressionsmåling i fagsystemet",
    "Spørgeskema til borgerne", "Ledelsesinformation fra jobcentret", "Danmarks Statistik",
]
FREQUENCIES = ["løbende", "ugentlig", "månedlig", "kvartalsvis", "halvårlig", "årlig"]
UNITS = ["procent", "antal borgere", "dage", "point på skala 1-10"]
INDICATOR_TEXTS = [
    "Andel med fremgang ved seneste progressionsmåling", "Fremmøde til aftalte aktiviteter",
    "Antal gennemførte praktikforløb", "Gennemsnitlig score for trivsel", "Andel i uddannelse efter 12 måneder",
    "Dage fra henvisning til første samtale", "Andel med afklaret uddannelsesmål i Min Plan",
]
CHARACTERISTICS = [
    "Ikke arbejdsmarkedsparat og har flere problemer ud over ledighed", "Sociale problemer",
    "Psykiske problemer", "Misbrugsproblemer", "Lavt selvværd",
    "Manglende grundlæggende skolekundskaber", "Problemer med økonomi og til tider bolig",
    "Svag opbakning fra familien", "Udfordringer med at håndtere praktiske forhold i hverdagen",
]


def plan(n):
    """How many elements of each kind make up n (n >= 20)."""
    finals = max(1, n // 500)
    rest = n - 1 - finals  # minus målgruppe and slutmål
    outcomes = max(1, round(rest * 0.35))
    activities = max(outcomes, round(rest * 0.37))
    mechanisms = max(1, round(rest * 0.20))
    assumptions = rest - outcomes - activities - mechanisms
    if assumptions < 1:
        raise SystemExit(f"--elements {n} is too small; use at least 20")
    return finals, outcomes, activities, mechanisms, assumptions


def generate(n, seed, write):
    rnd = random.Random(seed)
    finals, outcomes, activities, mechanisms, assumptions = plan(n)

    def outcome_title():
        return f"{rnd.choice(SUBJECTS)} {rnd.choice(OUTCOME_VERBS)} {rnd.choice(OUTCOME_OBJECTS)}"

    def indicator(ident):
        unit = rnd.choice(UNITS)
        up = rnd.random() < 0.8
        base = rnd.randint(10, 60)
        target = base + rnd.randint(5, 30) if up else max(1, base - rnd.randint(5, base - 1 if base > 6 else 5))
        year = rnd.choice([2028, 2029, 2030])
        month = rnd.choice([3, 6, 9, 12])
        day = {3: 31, 6: 30, 9: 30, 12: 31}[month]
        write(f"  indikator {ident}: {rnd.choice(INDICATOR_TEXTS)}\n")
        write(f"    enhed: {unit}\n")
        write(f"    baseline: {base} ({rnd.choice([2024, 2025])})\n")
        write(f"    mål: {target} senest {year}-{month:02d}-{day:02d}\n")
        write(f"    datakilde: {rnd.choice(DATA_SOURCES)}\n")
        write(f"    frekvens: {rnd.choice(FREQUENCIES)}\n")
        write(f"    retning: {'op' if up else 'ned'}\n")

    write("# Syntetisk programteori til ydelsesmålinger (Benchmarks/generate-model.py).\n")
    write(f"# elementer: {n}, frø: {seed}. Tekst og tal er opdigtede.\n\n")
    write(f"programteori: Syntetisk helhedsorienteret indsats med {n} elementer\n")
    write("  kommune: Æbeltoft Kommune (fiktiv)\n")
    write("  ansvarlig: Jobcentrets udviklingsenhed\n")
    write(f"  version: 1.{seed}\n")
    write("  dato: 2026-11-23\n")
    write("  status: kladde\n")
    write("  beskrivelse:\n")
    write("    Genereret model til måling af, hvor hurtigt »programteori check« og »render« er.\n")
    write("    Strukturen følger KL's fem trin: målgruppe, slutmål, delmål, aktiviteter og mekanismer.\n\n")

    write("målgruppe MG: Udsatte borgere 18-30 år på uddannelseshjælp\n")
    for text in rnd.sample(CHARACTERISTICS, 4):
        write(f"  kendetegn: {text}\n")
    write(f"  størrelse: {rnd.randint(80, 900)} borgere\n")
    write("  afgrænsning: Aktivitetsparate borgere i kommunens jobcenter\n\n")

    for s in range(1, finals + 1):
        write(f"slutmål S{s}: Borgeren er i gang med en ordinær uddannelse eller i job (spor {s})\n")
        indicator(f"S{s}.1")
        write("\n")

    # Delmål j (0-based): chain j // COLUMNS, column j % COLUMNS.
    links = []  # existing (from, to) links, for understøtter/gælder
    for j in range(outcomes):
        col = j % COLUMNS
        targets = []
        nxt = j + 1
        if col < COLUMNS - 1 and nxt < outcomes:
            targets.append(f"D{nxt + 1}")
            # Sometimes also to the next column of another chain (still acyclic).
            other = nxt + COLUMNS * rnd.randint(-3, 3)
            if rnd.random() < 0.2 and 0 <= other < outcomes and other != nxt:
                targets.append(f"D{other + 1}")
        else:
            targets.append(f"S{(j // COLUMNS) % finals + 1}")
        write(f"delmål D{j + 1}: {outcome_title()}\n")
        write(f"  fører til: {', '.join(targets)}\n")
        if rnd.random() < 0.25:
            write("  beskrivelse: Delmålet er et skridt på vejen; borgeren og medarbejderen følger op sammen.\n")
        indicator(f"D{j + 1}.1")
        write("\n")
        links.extend((f"D{j + 1}", t) for t in targets if t.startswith("D"))

    activity_links = []
    for i in range(activities):
        targets = [f"D{i % outcomes + 1}"]
        if rnd.random() < 0.3:
            second = f"D{rnd.randrange(outcomes) + 1}"
            if second not in targets:
                targets.append(second)
        write(f"aktivitet A{i + 1}: {rnd.choice(ACTIVITY_TITLES)}\n")
        write(f"  fører til: {', '.join(targets)}\n\n")
        activity_links.extend((f"A{i + 1}", t) for t in targets)
    links.extend(activity_links)

    for m in range(mechanisms):
        write(f"mekanisme M{m + 1}: {rnd.choice(MECHANISM_TITLES)}\n")
        write(f"  type: {MECHANISM_TYPES[m % len(MECHANISM_TYPES)]}\n")
        if rnd.random() < 0.15:
            a, d = rnd.choice(activity_links)
            write(f"  understøtter: {a} -> {d}\n\n")
        else:
            picks = sorted(rnd.sample(range(activities), min(activities, rnd.randint(1, 3))))
            write(f"  understøtter: {', '.join(f'A{p + 1}' for p in picks)}\n\n")

    for k in range(assumptions):
        a, b = rnd.choice(links)
        write(f"antagelse AN{k + 1}: {rnd.choice(ASSUMPTION_TITLES)}\n")
        write(f"  gælder: {a} -> {b}\n")
        write(f"  kritisk: {rnd.choice(['ja', 'nej'])}\n")
        write(f"  evidens: {rnd.choice(EVIDENCE)}\n\n")

    return dict(finals=finals, outcomes=outcomes, activities=activities,
                mechanisms=mechanisms, assumptions=assumptions)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--elements", type=int, required=True, help="number of top-level elements (>= 20)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", help="output file (default: stdout)")
    args = parser.parse_args()

    chunks = []
    counts = generate(args.elements, args.seed, chunks.append)
    data = "".join(chunks).encode("utf-8")
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    note = " — OVER the parser's 32 MiB cap" if len(data) > MAX_FILE_SIZE else ""
    print(f"{args.out or '<stdout>'}: {args.elements} elements "
          f"(1 målgruppe, {counts['finals']} slutmål, {counts['outcomes']} delmål, "
          f"{counts['activities']} aktiviteter, {counts['mechanisms']} mekanismer, "
          f"{counts['assumptions']} antagelser; {counts['finals'] + counts['outcomes']} indikatorer), "
          f"{len(data)} bytes{note}", file=sys.stderr)


if __name__ == "__main__":
    main()
