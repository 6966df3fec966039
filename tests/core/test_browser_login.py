def test_a_browser_logs_in_and_sees_the_home_page(page, live_server, researcher, artifact_path):
    from django.contrib.auth.models import User

    user = User.objects.get(pk=researcher.pk)
    user.set_password("a-long-password-1")
    user.save()
    page.goto(live_server.url + "/")
    assert "/login/" in page.url
    page.fill("#id_username", user.username)
    page.fill("#id_password", "a-long-password-1")
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "The study at a glance"
    page.screenshot(path=artifact_path("home.png"))
