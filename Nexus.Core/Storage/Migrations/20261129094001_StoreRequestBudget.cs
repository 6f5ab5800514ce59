using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoreRequestBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequestsPerMinute",
                table: "Stores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestsPerMinute",
                table: "Stores");
        }
    }
}
