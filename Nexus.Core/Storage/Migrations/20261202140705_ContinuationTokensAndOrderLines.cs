using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ContinuationTokensAndOrderLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContinuationToken",
                table: "sync_cursors",
                type: "TEXT",
                nullable: true);

            // A page-numbered checkpoint becomes that page's token ("3"), so an interrupted sync resumes where it was.
            migrationBuilder.Sql("UPDATE sync_cursors SET ContinuationToken = CAST(NextPage AS TEXT) WHERE NextPage IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "NextPage",
                table: "sync_cursors");

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderPlatformId = table.Column<string>(type: "TEXT", nullable: false),
                    LinePlatformId = table.Column<string>(type: "TEXT", nullable: false),
                    ProductPlatformId = table.Column<string>(type: "TEXT", nullable: true),
                    VariantPlatformId = table.Column<string>(type: "TEXT", nullable: true),
                    Sku = table.Column<string>(type: "TEXT", nullable: true),
                    Quantity = table.Column<double>(type: "REAL", nullable: false),
                    NetMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OrderCreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_order_lines_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_product_day",
                table: "order_lines",
                columns: new[] { "StoreId", "ProductPlatformId", "OrderCreatedAt", "Quantity", "NetMinor", "OrderStatus", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_StoreId_OrderCreatedAt",
                table: "order_lines",
                columns: new[] { "StoreId", "OrderCreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_StoreId_OrderPlatformId_LinePlatformId",
                table: "order_lines",
                columns: new[] { "StoreId", "OrderPlatformId", "LinePlatformId" },
                unique: true);

            // Backfill from the orders already stored: each payload's lines, with the same figures the sync writes
            // (StorageEntities.OrderLines): net amount = the line's total after discounts, in the currency's minor units.
            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO order_lines (TenantId, StoreId, OrderPlatformId, LinePlatformId, ProductPlatformId, VariantPlatformId, Sku,
                                                    Quantity, NetMinor, Currency, OrderCreatedAt, OrderStatus)
                SELECT o.TenantId, o.StoreId, o.PlatformId,
                       json_extract(l.value, '$.platformId'), json_extract(l.value, '$.productPlatformId'), json_extract(l.value, '$.variantPlatformId'),
                       json_extract(l.value, '$.sku'), json_extract(l.value, '$.quantity'),
                       CAST(ROUND(json_extract(l.value, '$.total.amount') *
                            CASE WHEN o.Currency IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') THEN 1
                                 WHEN o.Currency IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND') THEN 1000 ELSE 100 END) AS INTEGER),
                       o.Currency, o.CreatedAt, o.Status
                FROM orders o, json_each(o.Payload, '$.lines') l
                WHERE json_extract(l.value, '$.platformId') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_lines");

            migrationBuilder.AddColumn<int>(
                name: "NextPage",
                table: "sync_cursors",
                type: "INTEGER",
                nullable: true);

            // Numbered tokens go back to page numbers; a cursor token cannot, so that entity restarts from page 1.
            migrationBuilder.Sql("UPDATE sync_cursors SET NextPage = CAST(ContinuationToken AS INTEGER) WHERE ContinuationToken GLOB '[0-9]*';");

            migrationBuilder.DropColumn(
                name: "ContinuationToken",
                table: "sync_cursors");
        }
    }
}
