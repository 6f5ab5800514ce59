using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineByRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quarantine_StoreId_Entity",
                table: "quarantine");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_StoreId_Entity_PlatformId",
                table: "quarantine",
                columns: new[] { "StoreId", "Entity", "PlatformId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quarantine_StoreId_Entity_PlatformId",
                table: "quarantine");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_StoreId_Entity",
                table: "quarantine",
                columns: new[] { "StoreId", "Entity" });
        }
    }
}
