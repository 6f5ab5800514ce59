namespace Nexus.Core.Resilience;

/// <summary>What a response is, for its size limit: a listing page, a small status/settings call, or an error body.</summary>
public enum ResponseBodyKind { Page, Status, Error }

/// <summary>
/// Maximum response sizes per endpoint kind (<c>Nexus:Connectors:BodyLimits</c>). A store is untrusted: without a
/// limit one answer of 1 GB to a connection test takes the shared web app down. The defaults are far above what a
/// real store sends (a 100-order WooCommerce page is ~0.5–1.5 MB; system_status ~20 KB).
/// </summary>
public sealed record ResponseBodyLimits
{
    public const string Section = "Nexus:Connectors:BodyLimits";

    public long PageBytes { get; init; } = 5 * 1024 * 1024;

    public long StatusBytes { get; init; } = 256 * 1024;

    public long ErrorBytes { get; init; } = 64 * 1024;

    public long For(ResponseBodyKind kind) => kind switch
    {
        ResponseBodyKind.Status => StatusBytes,
        ResponseBodyKind.Error => ErrorBytes,
        _ => PageBytes,
    };
}

/// <summary>A store's answer was larger than Nexus accepts for that kind of call. Not transient: retrying fetches the same bytes.</summary>
public sealed class ResponseBodyTooLargeException(ResponseBodyKind kind, long limit, long? declared)
    : Exception($"The store's answer is larger than the {ResponseBodyLimit.Describe(limit)} Nexus accepts for a {kind.ToString().ToLowerInvariant()} response"
                + (declared is { } d ? $" (it announced {ResponseBodyLimit.Describe(d)})." : "."))
{
    public ResponseBodyKind Kind { get; } = kind;
    public long Limit { get; } = limit;
}

/// <summary>Reads response bodies through a byte limit: refused up front when Content-Length says too much, cut off while streaming otherwise.</summary>
public static class ResponseBodyLimit
{
    /// <summary>The body as a stream that throws <see cref="ResponseBodyTooLargeException"/> once more than the limit has been read.</summary>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, ResponseBodyKind kind, ResponseBodyLimits limits, CancellationToken cancellationToken)
    {
        var limit = limits.For(kind);
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
            throw new ResponseBodyTooLargeException(kind, limit, declared);
        var inner = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new LimitedReadStream(inner, kind, limit);
    }

    public static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private sealed class LimitedReadStream(Stream inner, ResponseBodyKind kind, long limit) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, (int)Math.Min(count, Remaining)));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..(int)Math.Min(buffer.Length, Remaining)]));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Count(await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Remaining)], cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>One byte more than the limit is asked for, so a body of exactly the limit passes and one byte more fails.</summary>
        private long Remaining => Math.Max(1, limit + 1 - _read);

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw new ResponseBodyTooLargeException(kind, limit, null);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
