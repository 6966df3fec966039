"""The network of partnerships (networkx): a bipartite graph of EU cities and Chinese places.

Edges are the Partnership rows of the register (every source). Hubs are the Chinese places with the
most EU partner cities; provinces aggregate places by their province (a province-level partner is its
own province); flows count partnerships from each EU country to each province; degree distributions
are given for both sides.
"""
import pandas as pd

from citydip.analysis import figures
from citydip.analysis.publish import partner_text, plt

TOP_HUBS = 20
TOP_PROVINCES = 15


def graph(register):
    import networkx as nx

    G = nx.Graph()
    for row in register.itertuples():
        G.add_node(("eu", row.city_id), side="eu", name=row.city, country=row.country)
        G.add_node(("cn", row.place_id), side="cn", name=row.place, province=row.province, level=row.place_level)
        G.add_edge(("eu", row.city_id), ("cn", row.place_id), kind=row.kind, status=row.status)
    return G


def summary(G):
    import networkx as nx

    components = list(nx.connected_components(G))
    sides = nx.get_node_attributes(G, "side")
    return pd.DataFrame([{
        "eu_cities": sum(1 for s in sides.values() if s == "eu"), "cn_places": sum(1 for s in sides.values() if s == "cn"),
        "partnerships": G.number_of_edges(), "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "density": nx.bipartite.density(G, [n for n, s in sides.items() if s == "eu"]) if G.number_of_edges() else 0.0,
    }])


def hubs(G, register, top=TOP_HUBS):
    rows = []
    for node, data in G.nodes(data=True):
        if data["side"] != "cn":
            continue
        countries = {G.nodes[n]["country"] for n in G.neighbors(node)}
        rows.append({"place_id": node[1], "place": data["name"], "province": data["province"], "level": data["level"],
                     "eu_partner_cities": G.degree(node), "eu_countries": len(countries)})
    table = pd.DataFrame(rows, columns=["place_id", "place", "province", "level", "eu_partner_cities", "eu_countries"])
    return table.sort_values(["eu_partner_cities", "eu_countries", "place_id"], ascending=[False, False, True]).head(top)


def provinces(register):
    grouped = register.groupby("province", sort=True)
    table = pd.DataFrame({"partnerships": grouped.size(), "eu_cities": grouped["city_id"].nunique(),
                          "eu_countries": grouped["country"].nunique(), "places": grouped["place_id"].nunique()})
    return table.reset_index().sort_values(["partnerships", "province"], ascending=[False, True]).reset_index(drop=True)


def flows(register):
    table = register.groupby(["country", "province"]).size().rename("partnerships").reset_index()
    return table.sort_values(["partnerships", "country", "province"], ascending=[False, True, True]).reset_index(drop=True)


def degrees(G):
    import networkx as nx

    sides = nx.get_node_attributes(G, "side")
    rows = {}
    for node, degree in G.degree():
        rows.setdefault(degree, {"eu_cities": 0, "cn_places": 0})["eu_cities" if sides[node] == "eu" else "cn_places"] += 1
    table = pd.DataFrame([{"degree": d, **rows[d]} for d in sorted(rows)], columns=["degree", "eu_cities", "cn_places"])
    return table


def _degree_figure(table):
    fig, ax = plt.subplots(figsize=(5, 3))
    width = 0.4
    ax.bar(table["degree"] - width / 2, table["eu_cities"], width, label="EU cities", color="#1f4e79")
    ax.bar(table["degree"] + width / 2, table["cn_places"], width, label=partner_text("places in {partner}"), color="#c0392b")
    ax.set_xlabel("number of partners (degree)")
    ax.set_ylabel("nodes")
    ax.legend(fontsize=7)
    return fig


def run(data, out):
    register = data.register
    if register.empty:
        out.skip("network", "the partnership register is empty")
        return
    G = graph(register)
    source = "the partnership register (all sources)"
    out.table("network_summary", summary(G), "Network of partnerships: summary", source)
    top = hubs(G, register)
    out.table("network_hubs", top, f"Hubs in {{partner}}: the {TOP_HUBS} places with most EU partner cities", source)
    out.figure("network_hubs", figures.bar_chart(top["place"], top["eu_partner_cities"], "EU partner cities"),
               "Hubs in {partner}", source)
    province_table = provinces(register)
    out.table("network_provinces", province_table, "Partnerships by province of {partner}", source)
    flow_table = flows(register)
    out.table("network_flows", flow_table, "Flows: partnerships from EU countries to provinces of {partner}", source)
    keep = list(province_table["province"].head(TOP_PROVINCES))
    matrix = pd.crosstab(register["country"], register["province"]).reindex(columns=keep, fill_value=0)
    out.figure("network_flows", figures.heatmap(matrix.to_numpy(), list(matrix.index), keep),
               f"Flows from EU countries to the {len(keep)} provinces with most partnerships", source)
    degree_table = degrees(G)
    out.table("network_degrees", degree_table, "Degree distributions of the partnership network", source)
    out.figure("network_degrees", _degree_figure(degree_table), "Degree distributions", source)


