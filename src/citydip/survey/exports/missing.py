"""The three kinds of missing answer an export keeps apart, and how each format writes them.

| kind          | meaning                                         | numeric code | Stata | label          |
|---------------|-------------------------------------------------|--------------|-------|----------------|
| not asked     | the question was not shown (its relevance false) | -98          | .a    | not asked      |
| not answered  | shown (or the response stopped before it), empty | -99          | .b    | not answered   |
| don't know    | the respondent chose a "don't know" answer       | -97          | .c    | don't know     |

The numeric codes are SPSS user-missing values and the literal cells of the CSV, Excel and data
package files (declared there as ``missingValues``); Stata gets its extended missing values.
"""
from __future__ import annotations

import enum


class Missing(enum.Enum):
    NOT_ASKED = ("not_asked", -98, "a", "not asked")
    NOT_ANSWERED = ("not_answered", -99, "b", "not answered")
    DONT_KNOW = ("dont_know", -97, "c", "don't know")

    def __init__(self, key, code, stata, label):
        self.key = key
        self.code = code
        self.stata = stata
        self.label = label


# Choice names that mean "don't know": such an answer is kept as the missing code, not as a value.
DONT_KNOW_NAMES = frozenset({"dont_know", "dontknow", "dk", "do_not_know", "don_t_know"})
