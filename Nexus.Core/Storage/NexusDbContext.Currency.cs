using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Nexus.Core.Currency;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage;

/// <summary>The currency feature's sets: the ECB reference rates and merchants' own rates (Currency/).</summary>
public partial class NexusDbContext
{
    public DbSet<FxRate> FxRates => Set<FxRate>();

    public DbSet<FxRateOverride> FxRateOverrides => Set<FxRateOverride>();

    private void ConfigureCurrency(ModelBuilder builder)
    {
        builder.Entity<FxRate>(r =>
        {
            // Not tenant data: the ECB's figures are the same for everyone. The key is also the lookup's index:
            // "latest day <= D for currency C" is one seek on (Currency, Day).
            r.ToTable("fx_rates");
            r.HasKey(x => new { x.Currency, x.Day });
            r.Property(x => x.Currency).HasMaxLength(3);
            r.Ignore(x => x.Date);
        });
        builder.Entity<FxRateOverride>(o =>
        {
            o.ToTable("fx_rate_overrides");
            o.Property(x => x.Currency).HasMaxLength(3);
            o.HasIndex(x => new { x.TenantId, x.Currency, x.FromDay });
            o.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            o.HasQueryFilter(x => x.TenantId == TenantId);
        });

        // An order's UTC day in SQL. DateTimeOffset columns hold ((ticks / 1000) << 11) | offset-minutes
        // (DateTimeOffsetToBinaryConverter; offsets are always 0 here), so dividing by 2048 × 864,000,000 (ticks per day
        // / 1000) gives DateOnly.DayNumber: the form fx_rates.Day is stored in, so orders join rates on plain integers.
        builder.HasDbFunction(typeof(FxSql).GetMethod(nameof(FxSql.DayOf))!)
            .HasTranslation(args => new SqlBinaryExpression(ExpressionType.Divide, args[0],
                new SqlConstantExpression(FxSql.BinaryUnitsPerDay, typeof(long), new LongTypeMapping("INTEGER")),
                typeof(int), new IntTypeMapping("INTEGER")));
    }
}
