import SwiftDBT

print("swiftdbt: commands arrive with project loading (issue 3)")
