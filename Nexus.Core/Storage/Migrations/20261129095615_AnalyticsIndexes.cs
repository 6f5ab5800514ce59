using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_customer",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "CustomerPlatformId", "BillingEmail", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_period",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "CustomerPlatformId", "BillingEmail", "TenantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_customer",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_period",
                table: "orders");
        }
    }
}
