"""The partnership network on a register small enough to count by hand."""
from citydip.analysis import dataset, network
from tests.analysis import builders


def test_hubs_provinces_flows_and_degrees_are_counted(db):
    sichuan = builders.place("CN-SC", "Sichuan", level="province")
    chengdu = builders.place("1815286", "Chengdu", sichuan)
    suzhou = builders.place("1886760", "Suzhou", builders.place("CN-JS", "Jiangsu", level="province"))
    a, b, c = (builders.city(n, country) for n, country in (("A", "DE"), ("B", "DE"), ("C", "FR")))
    for city, place in ((a, chengdu), (b, chengdu), (c, chengdu), (c, suzhou), (a, sichuan)):
        builders.partnership(city, place)
    register = dataset.load().register
    G = network.graph(register)
    hubs = network.hubs(G, register)
    assert hubs.iloc[0][["place", "eu_partner_cities", "eu_countries"]].tolist() == ["Chengdu", 3, 2]
    provinces = network.provinces(register).set_index("province")
    assert provinces.loc["Sichuan", ["partnerships", "eu_cities", "eu_countries", "places"]].tolist() == [4, 3, 2, 2]
    flows = network.flows(register)
    assert flows.iloc[0].tolist() == ["DE", "Sichuan", 3]
    degrees = network.degrees(G).set_index("degree")
    # EU: A 2, B 1, C 2; CN: Chengdu 3, Suzhou 1, Sichuan 1
    assert degrees.loc[1].tolist() == [1, 2] and degrees.loc[2].tolist() == [2, 0] and degrees.loc[3].tolist() == [0, 1]
    assert network.summary(G).iloc[0][["partnerships", "components"]].tolist() == [5, 1]
