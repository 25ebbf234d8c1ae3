#!/usr/bin/env python3
"""Writes a HubSpot-style deals export of N rows for the import and track benchmarks.

    make-crm-deals.py OUT.csv N [OWNERS]

Seeded, so the same bytes every run: deals created over the seed-saas plan's
first year, a third won, a sixth lost, amounts with thousands separators and
a dollar sign, OWNERS (default 200) owners and the example's sources.
"""
import csv
import datetime
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
n_owners = int(sys.argv[3]) if len(sys.argv) > 3 else 200
rng = random.Random(11)
start = datetime.date(2027, 2, 1)
sources = ['Organic Search', 'Paid Search', 'Email Marketing', 'Offline Sources',
           'Partner Referral', 'Direct Traffic']
owners = [f'Owner {i:04d} <owner{i:04d}@example.com>' for i in range(n_owners)]


def us(d):
    return f'{d.month:02d}/{d.day:02d}/{d.year}'


with open(out, 'w', encoding='utf-8-sig', newline='') as f:
    w = csv.writer(f, lineterminator='\r\n')
    w.writerow(['Record ID', 'Deal Name', 'Deal owner', 'Amount', 'Deal Stage', 'Create Date',
                'Close Date', 'Original Source'])
    for i in range(n):
        created = start + datetime.timedelta(days=rng.randrange(0, 330))
        r = rng.random()
        stage, closed = 'Appointment Scheduled', ''
        if r < 1 / 3:
            stage, closed = 'Closed Won', us(created + datetime.timedelta(days=rng.randrange(5, 40)))
        elif r < 0.5:
            stage, closed = 'Closed Lost', us(created + datetime.timedelta(days=rng.randrange(5, 40)))
        w.writerow([str(100000 + i), f'Deal {i}, renewal', rng.choice(owners),
                    f'${rng.randrange(5, 60) * 1000:,}.00', stage, us(created), closed,
                    rng.choice(sources)])
