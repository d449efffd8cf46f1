/**
 * Text analysis for the IBP-assistent: the Dutch analyzer chains for indexing and querying
 * ({@link nl.ibp.analysis.IbpAnalyzer}), the domain synonyms ({@link nl.ibp.analysis.Synonyms}) and
 * the decompounding dictionary built from the corpus ({@link nl.ibp.analysis.CompoundDictionary}).
 */
package nl.ibp.analysis;
