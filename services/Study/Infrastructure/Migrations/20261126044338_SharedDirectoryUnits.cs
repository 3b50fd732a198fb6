using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SharedDirectoryUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
