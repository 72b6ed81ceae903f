import datetime
import sys

sys.path.insert(0, sys.argv[1])
from pipeline import load_nlp

nlp = load_nlp("en")
PUB = datetime.date(2025, 6, 17)
S = [
# waiting edges
"Investors are waiting for the bank to cut rates after inflation fell to 2.1% in May.",
"Analysts had expected 40,000 jobs to be added, but the economy lost 12,000 in May.",
"About 3,000 passengers were left waiting at the airport after 45 flights were cancelled on Monday.",
"The number of people waiting more than 18 months for a hip operation fell to 2,300 in April.",
"Some 700 residents who had waited for rehousing were moved into new flats last week.",
"Farmers are still waiting for £12m in compensation promised after the floods.",
"More than 9,000 children were on waiting lists for mental health care at the end of March.",
# conversion edges
"The company reported a net profit of €412m ($445m) for the first half.",
"Fines totalled 2.3 billion rupees (about $27.5 million) last year, the regulator said.",
"The ministry spent 18,000 crowns (€720) per pupil and 9,000 crowns on each teacher (2024).",
"The government approved 3.4 trillion won ($2.5bn) in aid for farmers on Tuesday.",
# since after superlative edges
"Unemployment rose to 5.2% in May, its highest level since 2021.",
"Since January, the fastest-growing region has added 14,000 jobs.",
"Prices have risen 12% since the largest refinery closed in March.",
"Since 2020, the biggest lender has cut 6,500 jobs.",
"The river reached 6.1 metres on Sunday, the highest since records began in 1890.",
# the figure edges
"Police said 14 people were arrested in Leeds on Friday. A further 22 were cautioned. The figure was higher than last year.",
"Sales at the chain fell to £2.1bn last year. Its rival grew. The figure for the rival was £3.4bn.",
"The council spent £4.2m on temporary housing in 2024. The figure rose to £5.1m in the first five months of 2025.",
"Hospital admissions reached 1,240 in March. In April the figure was 1,310.",
# quarter edges
"The bank lost €300m in the third quarter of 2023. In the quarter, it cut 900 jobs.",
"Revenue rose to $4.1bn in the three months to March. In the first quarter of last year, it was $3.8bn. Profit for the quarter was $610m.",
"The group will report results for the quarter ending in September next month. It expects revenue of €2bn in the quarter.",
"In the half, the retailer sold 14 million units.",
# coordinated with two dates
"He was arrested on Monday and charged on Wednesday with stealing £40,000.",
"The storm killed 12 people on Saturday and left 40,000 homes without power by Sunday night.",
"Officials said on Tuesday that 61 people had died and on Thursday that 80 were missing.",
"She was convicted in March and ordered to pay £5,000 in compensation in May.",
"The firm was fined $2m on Friday and ordered to pay $400,000 to the victims.",
# compared with two periods
"Profit fell to €40m in the first half, compared with €64m a year earlier and €71m in 2023.",
"Sales rose to £1.2bn, compared with a loss of £30m in 2024.",
"Exports reached $9bn in May, compared with an average of $7bn over the past year.",
"The rate was 4.1% in April compared with 3.9% in March.",
# seized
"Police seized 12 kg of heroin and £80,000 in cash from a house in Bolton on Tuesday.",
"Customs officers seized cigarettes worth £2.3m at Dover last month.",
"The gang stole £1.4m in cash from a depot before officers recovered £300,000 of it.",
"Detectives found £40m in savings had been hidden by the fraudsters.",
# ordered to pay
"The judge ordered the company to pay £25,000 to the victim's family.",
"A court ordered him to pay his former employer $120,000 in damages.",
"The tribunal ordered the council to pay her £48,000 for unfair dismissal.",
"Judge Mary Cole ordered Smith, 42, to pay £9,000 in costs.",
"He was ordered to pay £3,500 to each of the 14 victims.",
# forecasts
"The central bank raised its inflation forecast to 3.4% for this year.",
"The company raised its annual profit forecast to €1.2bn on Tuesday.",
"The IMF lowered its growth forecast for Germany to 0.3%.",
"Analysts lowered their forecast for the company's earnings to $2.1bn.",
"The airline cut its capacity target to 140 million seats.",
"Shell lowered its spending plan to $20bn a year from $22bn.",
]
for s in S:
    doc = nlp.make_doc(s); doc._.published = PUB
    facts = nlp(doc)._.facts
    print("##", s)
    for f in facts:
        print("   ", f["how_many"], "|", f.get("event_type"), "| who=", f.get("who"), "| when=", f.get("when_start"), f.get("when_end"))
