using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "customers",
                type: "TEXT",
                nullable: true);

            // Records stored before this column existed get the key PersonIdentity gives at write time (customers first:
            // an order without e-mail takes its account's), so upgrading keeps every customer. SQL has no regex: phones
            // lose the usual separators; one with other characters ("ext. 5") gets no phone key (the account's then).
            migrationBuilder.Sql($"""
                UPDATE customers SET PersonKey = COALESCE(
                    {Email("Email")}, {Email(Json("$.billing.email"))},
                    {Phone($"COALESCE({Json("$.phone")}, {Json("$.billing.phone")}, {Json("$.shipping.phone")})")},
                    StoreId || '/' || PlatformId);
                """);
            const string account = "FROM customers c WHERE c.TenantId = orders.TenantId AND c.StoreId = orders.StoreId AND c.PlatformId = orders.CustomerPlatformId";
            migrationBuilder.Sql($"""
                UPDATE orders SET PersonKey = COALESCE(
                    {Email("BillingEmail")}, {Email(Json("$.billing.email"))},
                    (SELECT c.PersonKey {account} AND c.PersonKey NOT LIKE 'tel:%' AND c.PersonKey <> c.StoreId || '/' || c.PlatformId),
                    {Phone($"COALESCE({Json("$.billing.phone")}, {Json("$.shipping.phone")})")},
                    (SELECT c.PersonKey {account}),
                    CASE WHEN CustomerPlatformId IS NOT NULL THEN StoreId || '/' || CustomerPlatformId END);
                """);

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

        // PersonIdentity.Email in SQL: trimmed, lower-case, null without an "@".
        private static string Email(string value) => $"(CASE WHEN INSTR(TRIM({value}), '@') > 0 THEN LOWER(TRIM({value})) END)";

        // PersonIdentity.Phone as a key: "tel:" + digits, a leading "+" kept; null when nothing but digits is left after
        // removing the usual separators, or nothing at all.
        private static string Phone(string value)
        {
            var digits = $"TRIM({value})";
            foreach (var separator in new[] { " ", "-", "(", ")", ".", "/", "+" }) digits = $"REPLACE({digits}, '{separator}', '')";
            return $"(CASE WHEN {digits} <> '' AND {digits} NOT GLOB '*[^0-9]*' THEN 'tel:' || (CASE WHEN TRIM({value}) LIKE '+%' THEN '+' ELSE '' END) || {digits} END)";
        }

        private static string Json(string path) => $"(CASE WHEN json_valid(Payload) THEN json_extract(Payload, '{path}') END)";

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
