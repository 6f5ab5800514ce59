using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// Source-generated metadata for every WooCommerce payload (no reflection on the hot path). The
/// tolerant converters are registered for all properties of their type, so a DTO never has to
/// remember which field WooCommerce is loose about today.
/// DTO properties are <c>set</c>, not <c>init</c>: the generator treats init-only properties as
/// constructor parameters and buffers them, which measured ~25 % slower on order pages. DTOs are
/// transport objects; the canonical model is the immutable one.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters =
    [
        typeof(LooseDecimalConverter),
        typeof(LooseInt64Converter),
        typeof(LooseBooleanConverter),
        typeof(LooseStringConverter),
        typeof(WooDateTimeConverter),
    ])]
[JsonSerializable(typeof(WooOrderDto))]
[JsonSerializable(typeof(List<WooOrderDto>))]
[JsonSerializable(typeof(WooCustomerDto))]
[JsonSerializable(typeof(List<WooCustomerDto>))]
[JsonSerializable(typeof(WooProductDto))]
[JsonSerializable(typeof(List<WooProductDto>))]
[JsonSerializable(typeof(WooVariationDto))]
[JsonSerializable(typeof(List<WooVariationDto>))]
[JsonSerializable(typeof(WooRefundDto))]
[JsonSerializable(typeof(List<WooRefundDto>))]
[JsonSerializable(typeof(WooCouponDto))]
[JsonSerializable(typeof(List<WooCouponDto>))]
[JsonSerializable(typeof(WooOrderBatchDto))]
[JsonSerializable(typeof(List<WooCustomerDownloadDto>))]
[JsonSerializable(typeof(WooErrorDto))]
public sealed partial class WooJsonContext : JsonSerializerContext;
