"""Analysis tables as the report shows them (reports/sections.py: table_html)."""
import pandas as pd

from citydip.reports.sections import table_html


def cells(html):
    return [cell.split(">", 1)[1] for cell in html.split("<td")[1:] for cell in [cell.split("</td>")[0]]]


def test_whole_numbers_in_a_column_with_gaps_show_as_whole_numbers_and_decimals_stay_rounded(tmp_path):
    """A year column with an empty cell is read as decimals: it printed "2,020.0"-like values ("2,020")."""
    pd.DataFrame({"end_year": [2020, None, 2019], "share": [0.5, 0.123456, None], "cities": [1200, 3, 4],
                  "mean": [1.0, 2.5, 1234.5678]}).to_csv(tmp_path / "t.csv", index=False)
    html, total, shown = table_html(tmp_path, {"files": ["t.csv"]})
    assert (total, shown) == (3, 3)
    assert cells(html) == ["2020", "0.5", "1200", "1", "", "0.123", "3", "2.5", "2019", "", "4", "1,234.568"]
    assert "<th>end year</th>" in html
