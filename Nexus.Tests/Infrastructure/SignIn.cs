using System.Net;
using System.Text.RegularExpressions;

namespace Nexus.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token included), the way a browser does.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "the sign-in form has no antiforgery token");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task AsAsync(HttpClient client, string email, string password)
    {
        var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
