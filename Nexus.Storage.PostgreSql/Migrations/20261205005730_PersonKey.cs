using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PersonKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_customer",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_period",
                table: "orders");

            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "orders",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_period",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "PersonKey", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_person",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "PersonKey", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "CustomerPlatformId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_StoreId_PersonKey",
                table: "customers",
                columns: new[] { "StoreId", "PersonKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_period",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_analytics_person",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_customers_StoreId_PersonKey",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "PersonKey",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "PersonKey",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_customer",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "CustomerPlatformId", "BillingEmail", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_analytics_period",
                table: "orders",
                columns: new[] { "StoreId", "Currency", "CreatedAt", "Status", "TotalMinor", "RefundedMinor", "CustomerPlatformId", "BillingEmail", "TenantId" });
        }
    }
}
