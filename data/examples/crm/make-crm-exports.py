#!/usr/bin/env python3
"""Writes the example CRM exports that ship with the bundled plans.

    make-crm-exports.py OUTDIR

seed-saas gets HubSpot exports (deals and contacts: UTF-8 with a BOM, commas,
US dates, "$" amounts with thousands separators, a deal name with a comma and
one with a line break, a blank line, and for pay: a Splits column on a few won
deals, payment dates, a deal churned inside the AE clawback window, a
separate splits file with an overlay, and each deal's pay terms: discount,
contract term and deal type); mid-market gets Salesforce reports
(opportunities and leads: semicolons, European dates, "1.234,50" amounts,
UTF-16 LE leads as Excel's "Unicode text"; the opportunities with Type,
Discount "12,5 %", contract term and the SPIF the CRM flags).  Seeded, so the
files are the same on every run; see docs/actuals.md and docs/statements.md.
"""
import csv
import datetime
import io
import random
import sys

OWNERS_US = ['Maya Chen', 'Luis Ortega (luis.ortega@example.com)', 'Zoë Adams', 'Priya Raman',
             'Tom Becker', 'Ana Souza']
OWNERS_EU = ['Jörg Müller', 'Élodie Martin', 'Sven Olsen', 'Chiara Russo']


def us_date(d):
    return f'{d.month:02d}/{d.day:02d}/{d.year}'


def eu_date(d):
    return f'{d.day:02d}.{d.month:02d}.{d.year}'


def write(path, header, rows, delimiter=',', encoding='utf-8-sig', blank_after=None):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator='\r\n')
    w.writerow(header)
    for i, row in enumerate(rows):
        w.writerow(row)
        if blank_after is not None and i == blank_after:
            buf.write('\r\n')
    with open(path, 'w', encoding=encoding, newline='') as f:
        f.write(buf.getvalue())


def hubspot(outdir, rng):
    start = datetime.date(2027, 2, 1)
    contacts, deals = [], []
    sources = ['Organic Search', 'Paid Search', 'Email Marketing', 'Offline Sources',
               'Partner Referral', 'Direct Traffic']
    for i in range(600):
        created = start + datetime.timedelta(days=rng.randrange(0, 88))
        src = rng.choice(sources)
        row = [str(5000 + i), 'lead', us_date(created), '', '', '', '', src,
               rng.choice(OWNERS_US)]
        stage = 'lead'
        d = created
        for col, name, rate, lag in ((3, 'marketingqualifiedlead', 0.3, 5),
                                     (4, 'salesqualifiedlead', 0.3, 12),
                                     (5, 'opportunity', 0.55, 10)):
            if rng.random() >= rate:
                break
            d = d + datetime.timedelta(days=rng.randrange(1, lag * 2))
            row[col] = us_date(d)
            stage = name
        row[1] = stage
        contacts.append(row)
    write(f'{outdir}/seed-saas-hubspot-contacts.csv',
          ['Record ID', 'Lifecycle Stage', 'Create Date', 'Became a Marketing Qualified Lead Date',
           'Became a Sales Qualified Lead Date', 'Became an Opportunity Date',
           'Became a Customer Date', 'Original Source', 'Contact owner'],
          contacts, blank_after=40)
    stages = ['Appointment Scheduled', 'Qualified To Buy', 'Contract Sent', 'Closed Won',
              'Closed Lost']
    for i in range(70):
        created = start + datetime.timedelta(days=rng.randrange(0, 80))
        stage = rng.choice(stages)
        close = created + datetime.timedelta(days=rng.randrange(10, 70))
        amount = rng.choice([18000, 22500, 25000, 31000, 42000, 12500])
        name = rng.choice(['Acme, Inc. – annual', 'Globex renewal', 'Initech\nexpansion',
                           'Umbrella pilot', 'Hooli platform'])
        deals.append([str(9000 + i), name, rng.choice(OWNERS_US), f'${amount:,.2f}', stage,
                      us_date(created), us_date(close) if stage.startswith('Closed') else '',
                      rng.choice(sources)])
    pay_columns(outdir, deals)
    hubspot_terms(deals)
    write(f'{outdir}/seed-saas-hubspot-deals.csv',
          ['Record ID', 'Deal Name', 'Deal owner', 'Amount', 'Deal Stage', 'Create Date',
           'Close Date', 'Original Source', 'Splits', 'Payment Date', 'Refund Date',
           'Discount (%)', 'Contract Term (months)', 'Deal Type'], deals,
          blank_after=10)


def hubspot_terms(deals):
    """Each deal's pay terms (format 1.3, docs/statements.md), from a generator
    of their own so the other columns stay as they were: the discount off list
    as HubSpot's percentage property writes it (a bare number under "Discount
    (%)", blank when the rep left it empty: paid x 1), the contract term in
    months (the seed plan's multi-year SPIF pays terms of 24 months or more),
    and the deal type, existing business for renewals and expansions."""
    rng = random.Random(17)
    for row in deals:
        name = row[1]
        row += [rng.choice(['', '0', '5', '7.5', '12', '15', '18', '22', '30']),
                rng.choice(['12', '12', '24', '36']),
                'Existing Business' if 'renewal' in name or 'expansion' in name
                else 'New Business']


def pay_columns(outdir, deals):
    """The crediting columns (docs/statements.md), drawn from a generator of their
    own so the deals' other columns stay as they were: every fourth won deal split
    80/20 with the next owner, payment 10-40 days after closing, the second won
    deal churned 45 days after closing (inside the AE's 90-day clawback window),
    and a 10 % overlay on the first won deal for another AE in a splits file."""
    rng = random.Random(13)
    won = [d for d in deals if d[4] == 'Closed Won']
    for row in deals:
        row += ['', '', '']
    for i, row in enumerate(won):
        month, day, year = (int(x) for x in row[6].split('/'))
        close = datetime.date(year, month, day)
        row[9] = us_date(close + datetime.timedelta(days=rng.randrange(10, 40)))
        if i % 4 == 3:
            other = OWNERS_US[(OWNERS_US.index(row[2]) + 1) % len(OWNERS_US)]
            row[8] = f'{row[2]} 80%; {other} 20%'
        if i == 1:
            row[10] = us_date(close + datetime.timedelta(days=45))
    overlay = 'Tom Becker' if won[0][2] != 'Tom Becker' else 'Ana Souza'
    write(f'{outdir}/seed-saas-hubspot-splits.csv', ['Deal ID', 'Person', 'Percent', 'Kind'],
          [[won[0][0], won[0][2], '100%', 'split'], [won[0][0], overlay, '10%', 'overlay']],
          encoding='utf-8')


def salesforce(outdir, rng):
    start = datetime.date(2027, 1, 1)
    leads, opps = [], []
    sources = ['Web', 'Partner Referral', 'Outbound', 'Trade Show', 'Advertisement']
    statuses = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted',
                'Closed - Not Converted']
    for i in range(400):
        created = start + datetime.timedelta(days=rng.randrange(0, 85))
        status = rng.choice(statuses)
        converted = (eu_date(created + datetime.timedelta(days=rng.randrange(3, 40)))
                     if status == 'Closed - Converted' else '')
        leads.append([f'00Q5g00000{i:05d}', status, eu_date(created), converted,
                      rng.choice(sources), rng.choice(OWNERS_EU)])
    write(f'{outdir}/mid-market-salesforce-leads.csv',
          ['Lead ID', 'Lead Status', 'Created Date', 'Converted Date', 'Lead Source',
           'Lead Owner'], leads, delimiter='\t', encoding='utf-16', blank_after=20)
    terms = random.Random(18)  # the pay terms' own, so the rest stays as it was
    for i in range(60):
        created = start + datetime.timedelta(days=rng.randrange(0, 80))
        closed = rng.random() < 0.5
        won = closed and rng.random() < 0.4
        stage = ('Closed Won' if won else 'Closed Lost') if closed else rng.choice(
            ['Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'])
        close = created + datetime.timedelta(days=rng.randrange(15, 90))
        amount = rng.choice([45000, 62500, 80000, 95000, 120000])
        euro = f'{amount:,.2f}'.replace(',', 'X').replace('.', ',').replace('X', '.')
        opps.append([f'0065g00000{i:05d}', rng.choice(OWNERS_EU), euro + ' €', stage,
                     eu_date(created), eu_date(close), rng.choice(sources),
                     'true' if won else 'false', 'true' if closed else 'false']
                    + salesforce_terms(terms))
    write(f'{outdir}/mid-market-salesforce-opportunities.csv',
          ['Opportunity ID', 'Opportunity Owner', 'Amount', 'Stage', 'Created Date',
           'Close Date', 'Lead Source', 'Won', 'Closed', 'Type', 'Discount',
           'Contract Term (months)', 'SPIF'], opps, delimiter=';',
          encoding='utf-8', blank_after=5)


def salesforce_terms(rng):
    """An opportunity's pay terms as a Salesforce report writes them: the
    standard Type picklist, a Discount percent with a decimal comma (blank:
    not known, paid x 1), the contract term, and the SPIF the rep flags: the
    mid-market plan's multi-year SPIF ("Three-year contract signed") has no
    rule, so the CRM's flag is what qualifies a deal of 36 months or more."""
    kind = rng.choice(['New Customer', 'New Customer', 'Existing Customer - Upgrade',
                       'Existing Customer - Replacement'])
    discount = rng.choice(['', '0 %', '5 %', '10 %', '12,5 %', '17,5 %', '20 %', '27,5 %'])
    term = rng.choice([12, 24, 36, 36])
    return [kind, discount, str(term), 'multi-year' if term >= 36 else '']


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else '.'
    hubspot(outdir, random.Random(11))
    salesforce(outdir, random.Random(12))


if __name__ == '__main__':
    main()
