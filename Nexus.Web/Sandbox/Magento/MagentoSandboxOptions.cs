namespace Nexus.Web.Sandbox.Magento;

/// <summary>
/// Magento-only knobs of a sandbox store (<c>Nexus:Sandbox:Stores[i]:Magento</c>). The integration's consumer key and
/// secret are the store's <c>ConsumerKey</c> / <c>ConsumerSecret</c>; the access token pair is here.
/// </summary>
public sealed class MagentoSandboxOptions
{
    public string AccessToken { get; set; } = "at_sandbox";
    public string AccessTokenSecret { get; set; } = "ats_sandbox";

    /// <summary>An admin token (from /V1/integration/admin/token), always accepted as Bearer; null = none issued.</summary>
    public string? AdminToken { get; set; }

    /// <summary>
    /// "Allow OAuth Access Tokens to be used as standalone Bearer tokens" (<c>oauth/consumer/enable_integration_as_bearer</c>).
    /// Off by default, as since Magento 2.4.4: the integration's access token sent as Bearer is then not recognised.
    /// </summary>
    public bool AcceptIntegrationTokenAsBearer { get; set; }

    /// <summary>Behave like stores before 2.4: a currentPage past the last page answers with the last page again.</summary>
    public bool RepeatLastPageBeyondEnd { get; set; }

    /// <summary>
    /// Leave total_count out of search results, as a response trimmed with <c>fields=items[…]</c> or a rewriting proxy
    /// does: a client then has only short pages and repeated pages to tell where a listing ends.
    /// </summary>
    public bool OmitTotalCount { get; set; }

    /// <summary>Store view codes the URL may carry (<c>/rest/{code}/V1/…</c>); "all" and no code are always accepted.</summary>
    public List<string> StoreCodes { get; set; } = ["default"];

    /// <summary>ACL resources the integration was not granted, e.g. "Magento_Sales::actions_view": those endpoints answer 401.</summary>
    public List<string> DeniedResources { get; set; } = [];

    /// <summary>Share of orders placed in a second currency (base vs order currency differ); seeded per order.</summary>
    public double ForeignCurrencyShare { get; set; } = 0.1;
}
