using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SyncRunImportedFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedFile",
                table: "sync_runs",
                type: "TEXT",
                maxLength: 260,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedFile",
                table: "sync_runs");
        }
    }
}
