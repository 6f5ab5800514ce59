using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 items 10 and 11 (and issue 21's registration messages): safe return URLs, no account enumeration, plain messages.</summary>
[Collection(HostCollection.Name)]
public sealed partial class AccountHardeningTests(NexusWebFactory app)
{
    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_with_an_unsafe_return_url_lands_on_the_home_page(string returnUrl)
    {
        using var client = app.CreateBrowserLikeClient();
        // Before: IdentityRedirectManager threw on an external URL and sign-in answered 500.
        var response = await PostFormAsync(client, $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login", new()
        {
            ["Input.Email"] = "merchant@nexus.demo", ["Input.Password"] = NexusWebFactory.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal((client.BaseAddress!.Authority, "/"), (target.Authority, target.AbsolutePath));
    }

    [Fact]
    public async Task A_local_return_url_is_still_followed()
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/Account/Login?ReturnUrl=%2Fstores", "login", new()
        {
            ["Input.Email"] = "merchant@nexus.demo", ["Input.Password"] = NexusWebFactory.DemoPassword,
        });
        Assert.Equal("/stores", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_locked_account_and_an_address_without_account_get_the_same_answer()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Correct-Pass-1", "Locked", NexusRoles.Merchant)).Result.Succeeded);
        }
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++) await SignIn.PostLoginAsync(client, email, "wrong-password");

        var locked = await SignIn.PostLoginAsync(client, email, "Correct-Pass-1");
        var nobody = await SignIn.PostLoginAsync(client, $"nobody-{Guid.NewGuid():N}@example.test", "Correct-Pass-1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (locked.StatusCode, nobody.StatusCode));
        Assert.Equal(LoginError(await nobody.Content.ReadAsStringAsync()), LoginError(await locked.Content.ReadAsStringAsync()));
        Assert.Contains("locked for 15 minutes", LoginError(await nobody.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Lockout")).StatusCode); // the page only real accounts reached is gone
    }

    [Fact]
    public async Task Registering_a_taken_address_shows_one_plain_alert_that_does_not_say_taken()
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Name"] = "Copycat", ["Input.Email"] = "merchant@nexus.demo", ["Input.Password"] = "Another-Pass-1", ["Input.ConfirmPassword"] = "Another-Pass-1",
        });
        var html = await response.Content.ReadAsStringAsync();
        var alerts = RegisterErrors().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
        Assert.Equal([PlainIdentityErrors.CannotRegister], alerts);
        Assert.DoesNotContain("already taken", html);
    }

    [Fact]
    public async Task Registration_explains_a_short_password_in_plain_words()
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Name"] = "Shop", ["Input.Email"] = $"new-{Guid.NewGuid():N}@example.test", ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Use at least 8 characters for the password", html);
        Assert.DoesNotContain("must be a string with a minimum length", html);
    }

    [Fact]
    public async Task Under_HTTPS_every_cookie_is_Secure_and_HSTS_is_sent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nexus-https", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var pfx = Path.Combine(folder, "tls.pfx");
        using (var rsa = RSA.Create(2048))
        {
            using var cert = new CertificateRequest("CN=nexus.example", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, cert.Export(X509ContentType.Pfx, "tls"));
        }
        using var process = new AppProcess("https");
        process.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging"; // not Development (no HSTS there), not Production (demo sign-in works)
        process.Environment["Nexus__DataFolder"] = Path.Combine(folder, "data");
        process.Environment["Nexus__Demo__Password"] = NexusWebFactory.DemoPassword;
        process.Environment["Kestrel__Certificates__Default__Path"] = pfx;
        process.Environment["Kestrel__Certificates__Default__Password"] = "tls";
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = false, CookieContainer = new CookieContainer(),
        };
        await process.StartAsync(handler);
        using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = process.Address };
        client.DefaultRequestHeaders.Host = "nexus.example"; // HSTS is never sent to localhost or 127.0.0.1

        var form = await client.GetAsync("/Account/Login");
        Assert.True(form.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS header over HTTPS");
        Assert.Contains("max-age=31536000", hsts!.Single());
        var signIn = await SignIn.PostLoginAsync(client, "merchant@nexus.demo", NexusWebFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var cookies = handler.CookieContainer.GetAllCookies().ToList();
        Assert.Contains(cookies, c => c.Name == "Nexus.Auth");
        Assert.Contains(cookies, c => c.Name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.True(c.Secure, $"cookie {c.Name} is not Secure"));
        await process.KillAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static string LoginError(string html) => WebUtility.HtmlDecode(LoginErrorAlert().Match(html).Groups[1].Value).Trim();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)")]
    private static partial Regex LoginErrorAlert();

    [GeneratedRegex("data-testid=\"register-error\"[^>]*>(?:<[^>]+>)*([^<]+)")]
    private static partial Regex RegisterErrors();
}
