using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Jar.ConformanceReport;

/// <summary>
/// Reads the <c>[Row("B1")]</c> attributes (any attribute class named RowAttribute) from a test assembly's metadata,
/// without loading it, so none of its dependencies need to be found.
/// </summary>
internal static class RowTags
{
    private const string AttributeName = "RowAttribute";

    public static IReadOnlyList<RowTag> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var tags = new List<RowTag>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                foreach (var attributeHandle in method.GetCustomAttributes())
                {
                    var attribute = metadata.GetCustomAttribute(attributeHandle);
                    if (AttributeTypeName(metadata, attribute) != AttributeName)
                    {
                        continue;
                    }

                    var value = attribute.DecodeValue(new StringTypeProvider());
                    var id = (string?)value.FixedArguments.Single().Value ?? throw new InvalidDataException($"{FullName(metadata, type)}: a [Row] without an id.");
                    var differs = value.NamedArguments.Where(a => a.Name == "Differs").Select(a => (string?)a.Value).FirstOrDefault();
                    tags.Add(new RowTag($"{FullName(metadata, type)}.{metadata.GetString(method.Name)}", id, differs));
                }
            }
        }

        return tags;
    }

    private static string? AttributeTypeName(MetadataReader metadata, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MethodDefinition => metadata.GetString(metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
        HandleKind.MemberReference when metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent =>
            metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name),
        _ => null,
    };

    // A nested test class is named as the test runner names it: Outer+Inner.
    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            return FullName(metadata, metadata.GetTypeDefinition(declaring)) + "+" + name;
        }

        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    /// <summary>Attribute arguments here are strings; every other type is named, never resolved.</summary>
    private sealed class StringTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
