from django.db import migrations

from citydip.core.countries import EU27_LANGUAGES, country_name

PARTNER_SIDE = ("CN", "HK", "MO", "TW")


def seed(apps, schema_editor):
    Country = apps.get_model("core", "Country")
    for iso2 in (*EU27_LANGUAGES, *PARTNER_SIDE):
        Country.objects.update_or_create(
            iso2=iso2,
            defaults={"name": country_name(iso2), "eu_member": iso2 in EU27_LANGUAGES,
                      "languages": EU27_LANGUAGES.get(iso2, ["zh"])},
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
