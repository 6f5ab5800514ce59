using System.Text.Json;
using Nexus.Core.Platforms;
using Nexus.Core.Resilience;

namespace Nexus.Core.Sync;

/// <summary>A sync stopped on purpose because the store's answers went past a sanity limit (pages per run).</summary>
public sealed class SyncLimitExceededException(string message) : Exception(message);

/// <summary>
/// How a run that threw ends: the plain reason shown in the history and the CLI, whether the merchant must act,
/// and whether retrying later can help. Every exception maps to one, so no run is ever left "Running" by an
/// exception type nobody anticipated.
/// </summary>
public sealed record SyncFailure(string Reason, bool NeedsMerchant, bool Permanent, bool Unexpected)
{
    public static SyncFailure From(Exception ex) => ex switch
    {
        ConnectorAuthenticationException auth => new($"{auth.Message} {auth.Fix}", NeedsMerchant: true, Permanent: true, Unexpected: false),
        ConnectorException { InnerException: ResponseBodyTooLargeException or RedirectRefusedException } or
            ConnectorException { InnerException: HttpRequestException { InnerException: BlockedAddressException } }
            => new(ex.Message, NeedsMerchant: true, Permanent: true, Unexpected: false),
        ConnectorException { NeedsMerchant: true } => new(ex.Message, NeedsMerchant: true, Permanent: true, Unexpected: false),
        SyncLimitExceededException => new(ex.Message, NeedsMerchant: false, Permanent: true, Unexpected: false),
        ConnectorException or HttpRequestException or TimeoutException or JsonException or IOException or OperationCanceledException
            => new(ex.Message, NeedsMerchant: false, Permanent: false, Unexpected: false),
        _ => new($"The sync stopped on an unexpected error ({ex.GetType().Name}: {ex.Message}). Nothing stored so far is lost; "
                 + "the next sync continues from the last checkpoint. If it happens again, send this message to support.",
            NeedsMerchant: false, Permanent: true, Unexpected: true),
    };
}
