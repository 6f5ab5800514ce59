using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OrderCountry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountryCode",
                table: "orders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Orders synced before this column existed: the same rule as StorageEntities.OrderCountry (billing, else
            // shipping, trimmed and upper-case), read from the canonical payload, so the country filter sees them too.
            migrationBuilder.Sql("""
                UPDATE orders SET CountryCode = NULLIF(UPPER(TRIM(COALESCE(
                    json_extract(Payload, '$.billing.countryCode'), json_extract(Payload, '$.shipping.countryCode')))), '')
                WHERE json_valid(Payload);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountryCode",
                table: "orders");
        }
    }
}
