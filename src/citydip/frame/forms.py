"""The filters of the frame page, as a form so bad query strings fall back to defaults, not errors."""
from django import forms
from django.db.models import Q

from citydip.core.models import Country
from citydip.frame.models import PopulationStatus, size_class_labels

MEMBERSHIP_CHOICES = [("in", "in the frame"), ("out", "out of the frame"), ("all", "all cities")]
POPULATION_CHOICES = [("", "any"), ("flagged", "flagged (not current)")] + list(PopulationStatus.choices)
SORTS = {
    "name": ("name", "pk"), "-name": ("-name", "-pk"),
    "country": ("country__name", "name"), "-country": ("-country__name", "name"),
    "population": ("population", "name"), "-population": ("-population", "name"),
    "year": ("population_year", "name"), "-year": ("-population_year", "name"),
}


def size_choices():
    labels = size_class_labels()
    below = labels[0].split("–")[0]
    return [("", "any")] + [(label, label) for label in [f"<{below}", *labels]]


class CityFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", max_length=100)
    country = forms.ChoiceField(required=False, label="Country")
    size = forms.ChoiceField(required=False, label="Size class")
    membership = forms.ChoiceField(required=False, label="Frame", choices=MEMBERSHIP_CHOICES)
    population = forms.ChoiceField(required=False, label="Population", choices=POPULATION_CHOICES)
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in SORTS], widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Country.objects.filter(cities__isnull=False).distinct().order_by("name")
        self.fields["country"].choices = [("", "all")] + [(c.iso2, c.name) for c in countries]
        self.fields["size"].choices = size_choices()

    def value(self, name, default=""):
        return (self.cleaned_data.get(name) if self.is_valid() else None) or default

    def filter(self, cities):
        """The cities that match the filters (invalid filters are ignored)."""
        if not self.is_valid():
            return cities.filter(in_frame=True)
        data = self.cleaned_data
        if data["q"]:
            q = data["q"].strip()
            cities = cities.filter(Q(name__icontains=q) | Q(native_name__icontains=q) | Q(urau_code__iexact=q)
                                   | Q(country__name__icontains=q) | Q(nuts3__iexact=q))
        membership = data["membership"] or "in"
        if membership != "all":
            cities = cities.filter(in_frame=membership == "in")
        if data["country"]:
            cities = cities.filter(country_id=data["country"])
        if data["size"]:
            cities = cities.filter(size_class=data["size"])
        if data["population"] == "flagged":
            cities = cities.exclude(population_status=PopulationStatus.CURRENT)
        elif data["population"]:
            cities = cities.filter(population_status=data["population"])
        return cities.order_by(*SORTS[data["sort"] or "-population"])
