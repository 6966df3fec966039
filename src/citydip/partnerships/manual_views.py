"""Pages to add a partnership, correct it or end it, from a city's page or a place's page (researchers)."""
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citydip.core.roles import RESEARCHER, role_required
from citydip.frame.models import City
from citydip.gazetteer.models import Place
from citydip.partnerships import manual
from citydip.partnerships.models import AREAS, Kind, Partnership, Status, disagreements


class StatementForm(forms.Form):
    """What the researcher states about a partnership, and where it comes from."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=[("", "–")] + Kind.choices, required=False)
    year_signed = forms.IntegerField(label=gettext_lazy("Year signed"), min_value=1950, max_value=2100,
                                     required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=[("", "–")] + Status.choices, required=False)
    areas = forms.MultipleChoiceField(label=gettext_lazy("Areas"), choices=[(a, a) for a in AREAS], required=False,
                                      widget=forms.CheckboxSelectMultiple)
    reference = forms.CharField(label=gettext_lazy("Evidence: where this comes from"), max_length=500,
                                help_text=gettext_lazy("a document, a web address, a call (who, when)"))
    date = forms.DateField(label=gettext_lazy("Date of the evidence"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))


class NewPartnershipForm(StatementForm):
    city = forms.ModelChoiceField(label=gettext_lazy("EU city"), queryset=City.objects.filter(in_frame=True)
                                  .select_related("country").order_by("country_id", "name"))
    place_id = forms.CharField(label=gettext_lazy("Chinese place (place id, e.g. 1796236 or CN-SC)"), max_length=40)

    field_order = ["city", "place_id"]

    def clean_place_id(self):
        place = Place.objects.filter(place_id=self.cleaned_data["place_id"].strip()).first()
        if place is None:
            raise forms.ValidationError(_("No place of the gazetteer has this id: type a name and choose from the "
                                          "list, or look the place up in the gazetteer."))
        self.place = place
        return place.place_id


def statement(form):
    data = form.cleaned_data
    return {"kind": data["kind"], "year_signed": data["year_signed"], "status": data["status"],
            "areas": data["areas"], "reference": data["reference"], "date": data["date"]}


@role_required(RESEARCHER)
def add(request):
    initial = {"city": request.GET.get("city"), "place_id": request.GET.get("place", "")}
    form = NewPartnershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        city = form.cleaned_data["city"]
        exists = Partnership.objects.filter(city=city, place=form.place).exists()
        partnership, _evidence = manual.record_statement(city, form.place, request.user, **statement(form))
        messages.success(request, (_("Evidence added to the existing partnership %(p)s.") if exists
                                   else _("Partnership %(p)s added.")) % {"p": partnership})
        return redirect("partnerships:partnership", pk=partnership.pk)
    return render(request, "partnerships/partnership_form.html", {"form": form})


@role_required(RESEARCHER)
def detail(request, pk):
    partnership = get_object_or_404(Partnership.objects.select_related("city", "city__country", "place"), pk=pk)
    form = StatementForm(request.POST or None, initial={
        "kind": partnership.kind if partnership.kind != Kind.UNKNOWN else "", "year_signed": partnership.year_signed,
        "status": partnership.status if partnership.status != Status.UNKNOWN else "", "areas": partnership.areas})
    if request.method == "POST" and form.is_valid():
        manual.record_statement(partnership.city, partnership.place, request.user, **statement(form),
                                action="partnerships.correct")
        messages.success(request, _("Correction recorded, with its evidence."))
        return redirect("partnerships:partnership", pk=partnership.pk)
    evidence = partnership.evidence.select_related("recorded_by").order_by("recorded_at", "pk")
    return render(request, "partnerships/partnership_detail.html", {
        "partnership": partnership, "evidence": evidence, "disagreements": disagreements(partnership), "form": form,
        "end_form": EndForm()})


class EndForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Evidence that it ended"), max_length=500)
    date = forms.DateField(label=gettext_lazy("Date of the evidence"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))


@role_required(RESEARCHER)
@require_POST
def end(request, pk):
    partnership = get_object_or_404(Partnership, pk=pk)
    form = EndForm(request.POST)
    if form.is_valid():
        manual.end(partnership, request.user, reference=form.cleaned_data["reference"], date=form.cleaned_data["date"])
        messages.success(request, _("The partnership is recorded as ended."))
    else:
        messages.error(request, _("Say where the end is documented (evidence) to end a partnership."))
    return redirect("partnerships:partnership", pk=partnership.pk)
